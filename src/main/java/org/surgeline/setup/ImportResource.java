package org.surgeline.setup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Problem;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.QueryParams;
import org.surgeline.platform.Roles;
import org.surgeline.stock.CatalogService;

@Path("/api")
@Tag(name = "Import and export", description = "Reference data as CSV files: all or nothing, dry run, idempotent")
public class ImportResource {

    static final String CSV = "text/csv";

    @Inject
    ImportService imports;
    @Inject
    CallerContext caller;
    @Inject
    CatalogService catalog;
    @Inject
    LedgerExport ledgerExport;
    @Inject
    Clock clock;

    @POST
    @Path("/imports/{kind}")
    // Any type is taken here and checked in the method, so that a caller without the role learns 403
    // whatever it sends; a body that is not CSV is then a 415 problem.
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a CSV file of one kind",
            description = "Kinds: counties, travel-times, items, depots, sites, labs, teams. A header row names the columns in any "
                    + "order; UTF-8 with or without BOM. Any bad row refuses the whole file and lists every bad cell; "
                    + "a good file is applied in one transaction. Re-importing the same file changes nothing.")
    @APIResponse(responseCode = "200", description = "Created, updated and unchanged counts (with dryRun, what would be)")
    @APIResponse(responseCode = "400", description = "Bad rows (rows: line, column, value, message; the first 1,000), "
            + "a missing or unknown column, more than 200,000 rows, or not UTF-8 CSV; nothing written")
    @APIResponse(responseCode = "403", description = "Only admins import")
    @APIResponse(responseCode = "404", description = "Unknown kind")
    @APIResponse(responseCode = "413", description = "The file is larger than 50 MB")
    @APIResponse(responseCode = "415", description = "The body is not text/csv")
    public ImportResult importFile(@PathParam("kind") String kind,
            @Parameter(description = "check and count, write nothing") @QueryParam("dryRun") @DefaultValue("false")
            boolean dryRun, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = @Content(mediaType = CSV)) InputStream body) {
        if (!isCsv(contentType)) {
            throw new ProblemException(new Problem("unsupported-media-type", "Unsupported media type", 415,
                    "Send the file as text/csv (UTF-8)", null));
        }
        return imports.importFile(kind, body, dryRun, caller.actor());
    }

    @GET
    @Path("/exports/ledger")
    @Produces(CSV)
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Export the stock ledger as CSV",
            description = "The movements GET /api/stock/movements lists, with the same filters, newest first, "
                    + "all pages; officers export their own county's depots only.")
    @APIResponse(responseCode = "200", description = "The movements, as an attachment")
    @APIResponse(responseCode = "400", description = "Bad time")
    @APIResponse(responseCode = "403", description = "The caller holds none of the four roles")
    @APIResponse(responseCode = "404", description = "Unknown depot or item (or, for an officer, a depot of another county)")
    public Response exportLedger(
            @Parameter(description = "depot code") @QueryParam("depot") String depot,
            @Parameter(description = "item code") @QueryParam("item") String item,
            @Parameter(description = "from this instant or date (inclusive), ISO-8601") @QueryParam("from") String from,
            @Parameter(description = "until this instant or date (exclusive), ISO-8601") @QueryParam("to") String to) {
        if (item != null) {
            catalog.item(item);
        }
        StreamingOutput file = ledgerExport.file(catalog.ledgerScope(depot), Optional.ofNullable(item),
                QueryParams.instant(from, "from", clock.getZone()), QueryParams.instant(to, "to", clock.getZone()));
        return Response.ok(file, CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger.csv\"").build();
    }

    @GET
    @Path("/exports/{kind}")
    @Produces(CSV)
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Export the records of one kind as the CSV file its import takes",
            description = "Same columns as the import; records in service only. Importing the result changes nothing.")
    @APIResponse(responseCode = "200", description = "The file, as an attachment")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins export")
    @APIResponse(responseCode = "404", description = "Unknown kind")
    public Response export(@PathParam("kind") String kind) {
        return Response.ok(imports.export(kind), CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + kind + ".csv\"").build();
    }

    private static boolean isCsv(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.valueOf(contentType);
            return type != null && "text".equals(type.getType()) && "csv".equals(type.getSubtype());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
