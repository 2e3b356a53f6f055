package org.surgeline.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * An OIDC issuer reduced to what a bearer-token service asks of it (discovery and the keys), on the
 * JDK's HTTP server with an RSA key made here, and the tokens it signs. For the tests of the
 * packaged production jar, which accepts bearer tokens only.
 */
public final class TestIssuer implements AutoCloseable {

    private final RsaJsonWebKey key;
    private final HttpServer server;
    private final String url;

    public TestIssuer() throws Exception {
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("surgeline-it");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/surgeline";
        String discovery = "{\"issuer\":\"" + url + "\",\"jwks_uri\":\"" + url + "/protocol/openid-connect/certs\","
                + "\"token_endpoint\":\"" + url + "/protocol/openid-connect/token\","
                + "\"authorization_endpoint\":\"" + url + "/protocol/openid-connect/auth\","
                + "\"end_session_endpoint\":\"" + url + "/protocol/openid-connect/logout\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        String jwks = new JsonWebKeySet(key).toJson();
        server.createContext("/realms/surgeline/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
        server.createContext("/realms/surgeline/protocol/openid-connect/certs", exchange -> respond(exchange, jwks));
        server.start();
    }

    public String url() {
        return url;
    }

    /** A token for the service (audience {@code surgeline}) of subject {@code it-<role>} holding {@code role}. */
    public String token(String role) throws Exception {
        return token(Map.of("sub", "it-" + role, "preferred_username", "it-" + role, "aud", "surgeline",
                "roles", List.of(role)));
    }

    /** A token with exactly these claims, plus issuer, issue and expiry times. */
    public String token(Map<String, Object> claims) throws Exception {
        JwtClaims jwt = new JwtClaims();
        jwt.setIssuer(url);
        jwt.setIssuedAtToNow();
        jwt.setExpirationTimeMinutesInTheFuture(15);
        claims.forEach(jwt::setClaim);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
