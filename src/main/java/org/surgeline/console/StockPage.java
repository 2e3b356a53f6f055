package org.surgeline.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Idempotency;
import org.surgeline.platform.Problem;
import org.surgeline.platform.QueryParams;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.Roles;
import org.surgeline.setup.LedgerExport;
import org.surgeline.stock.AdjustmentReason;
import org.surgeline.stock.AdjustmentService;
import org.surgeline.stock.BalanceView;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.Depot;
import org.surgeline.stock.LedgerService;
import org.surgeline.stock.MovementRequest;
import org.surgeline.stock.StockMovement;

/**
 * The stock desk: depot balances with their lots, the movement form (warehouse staff and admins, as
 * in the API), and the ledger with filters, pages and a CSV download. Officers see their own county's
 * depots only (the catalog's scope rule). A movement that would cross a reserve floor is refused
 * first; a caller who may override is then asked for the reason and sends the movement again with it.
 */
@Path("/console/stock")
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class StockPage {

    static final int LEDGER_PAGE = 25;

    @CheckedTemplate
    static class Templates {
        /** {@code onceKey}: the movement form's one-time key ({@link Idempotency}), fresh on every rendering. */
        static native TemplateInstance stock(ConsoleContext.Frame frame, Filters filters, List<BalanceView> balances,
                ResultPage<StockMovement> ledger, Choices choices, DeskForm form, Access access, String recorded,
                Long pending, String onceKey);
    }

    /** The ledger's filters as typed; {@code to} is the last day included. */
    @TemplateData
    public record Filters(String depot, String item, String from, String to, int page) {

        public Filters {
            depot = DeskForm.blankToNull(depot);
            item = DeskForm.blankToNull(item);
            from = DeskForm.blankToNull(from);
            to = DeskForm.blankToNull(to);
            page = Math.max(0, page);
        }

        public boolean hasNext(long total) {
            return (long) (page + 1) * LEDGER_PAGE < total;
        }

        public long pages(long total) {
            return Math.max(1, (total + LEDGER_PAGE - 1) / LEDGER_PAGE);
        }

        /** The desk's query with these filters, on another page of the ledger. */
        public String query(int page) {
            return query(page, "", "");
        }

        String query(int page, String name, String value) {
            StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
            add(query, "depot", depot);
            add(query, "item", item);
            add(query, "from", from);
            add(query, "to", to);
            add(query, "page", page > 0 ? String.valueOf(page) : null);
            add(query, name, value);
            return query.toString();
        }

        private static void add(StringJoiner query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.add(name + "=" + ConsoleFormat.encoded(value));
            }
        }
    }

    @TemplateData
    public record Choices(List<Depot> depots, List<String> items, List<MovementRequest.Kind> kinds,
            List<AdjustmentReason> reasons) {
    }

    /**
     * What the viewer may do here: record movements; take stock below a reserve floor with a reason,
     * which the form asks for once the floor refused the movement ({@code askReason}).
     */
    @TemplateData
    public record Access(boolean record, boolean overrideFloor, boolean askReason) {
    }

    @Inject
    ConsoleContext console;
    @Inject
    CallerContext caller;
    @Inject
    CatalogService catalog;
    @Inject
    LedgerService ledger;
    @Inject
    AdjustmentService adjustments;
    @Inject
    LedgerExport export;
    @Inject
    Idempotency idempotency;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    public TemplateInstance desk(@QueryParam("depot") String depot, @QueryParam("item") String item,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("recorded") String recorded,
            @QueryParam("pending") Long pending) {
        return page(new Filters(depot, item, from, to, page), DeskForm.NONE, recorded, pending);
    }

    @GET
    @Path("/ledger.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    public Response ledgerCsv(@QueryParam("depot") String depot, @QueryParam("item") String item,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Filters filters = new Filters(depot, item, from, to, 0);
        return Response.ok(export.file(scope(filters), Optional.ofNullable(filters.item()), start(filters.from(), "from"),
                        start(dayAfter(filters.to()), "to")), "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger.csv\"").build();
    }

    @POST
    @Path("/movements")
    @RolesAllowed({Roles.WAREHOUSE, Roles.ADMIN})
    public Response record(@RestForm String type, @RestForm String depot, @RestForm String toDepot,
            @RestForm String item, @RestForm String quantity, @RestForm String lot, @RestForm String expiresOn,
            @RestForm String reason, @RestForm String reference, @RestForm String note,
            @RestForm String floorOverride, @RestForm String onceKey) {
        DeskForm form = DeskForm.typed("movement", "type", type, "depot", depot, "toDepot", toDepot, "item", item,
                "quantity", quantity, "lot", lot, "expiresOn", expiresOn, "reason", reason, "reference", reference,
                "note", note, "floorOverride", floorOverride);
        // The page that follows shows the movement's depot and item; an unknown one is the form's error, not a 404.
        Filters filters = new Filters(known(depot, catalog::findDepot), known(item, catalog::findItem), null, null, 0);
        String key = DeskForm.blankToNull(onceKey);
        // A double click or a resent page carries the same key: the movement is recorded once, and the
        // second answer sends the browser where the first did.
        return DeskForm.submit(() -> idempotency.once(key, "POST /console/stock/movements", form.values(),
                () -> Response.seeOther(act(form, filters, key)).build()).getLocation(),
                problem -> page(filters, form.refusedBy(problem), null, null));
    }

    private URI act(DeskForm form, Filters filters, String key) {
        // The API's path; with a key, the key's claim and the movement commit together.
        AdjustmentService.Outcome outcome = adjustments.recordOrKeep(console.valid(movement(form)), key == null);
        if (outcome.pending() != null) {
            return URI.create("/console/stock" + filters.query(0, "pending", String.valueOf(outcome.pending().id)));
        }
        return URI.create("/console/stock"
                + filters.query(0, "recorded", outcome.recorded().movements().get(0).operationId()) + "#ledger");
    }

    private TemplateInstance page(Filters filters, DeskForm form, String recorded, Long pending) {
        Optional<List<String>> scope = scope(filters);
        List<String> depots = scope.orElseGet(() -> catalog.visibleDepots(false).stream().map(d -> d.code).toList());
        List<BalanceView> balances = ledger.views(ledger.balances(depots, Optional.ofNullable(filters.item())));
        ResultPage<StockMovement> movements = ledger.movements(scope, Optional.ofNullable(filters.item()),
                start(filters.from(), "from"), start(dayAfter(filters.to()), "to"), filters.page(), LEDGER_PAGE);
        boolean records = caller.hasRole(Roles.WAREHOUSE) || caller.hasRole(Roles.ADMIN);
        Choices choices = new Choices(catalog.visibleDepots(false), catalog.items().stream().map(i -> i.code).toList(),
                List.of(MovementRequest.Kind.values()), List.of(AdjustmentReason.values()));
        boolean overrides = records && caller.mayOverrideFloor();
        boolean askReason = overrides && (form.refusedAs("reserve-floor") || form.text("floorOverride") != null);
        return console.render(Templates.stock(console.frame("stock"), filters, balances, movements, choices, form,
                new Access(records, overrides, askReason), recorded, pending, UUID.randomUUID().toString()));
    }

    /** The depots whose ledger the viewer may read, narrowed by the filter (404 for another county's depot). */
    private Optional<List<String>> scope(Filters filters) {
        if (filters.item() != null) {
            catalog.item(filters.item());
        }
        return catalog.ledgerScope(filters.depot());
    }

    private static String known(String code, Function<String, Optional<?>> find) {
        String trimmed = DeskForm.blankToNull(code);
        return trimmed != null && find.apply(trimmed).isPresent() ? trimmed : null;
    }

    /** The start of a day in the city's zone. */
    private Optional<Instant> start(String day, String field) {
        return QueryParams.date(day, field).map(d -> d.atStartOfDay(clock.getZone()).toInstant());
    }

    /** The ledger's upper bound is exclusive: a filter "to" a day includes that whole day. */
    private static String dayAfter(String day) {
        return QueryParams.date(day, "to").map(d -> d.plusDays(1).toString()).orElse(null);
    }

    private static MovementRequest movement(DeskForm form) {
        List<Problem.FieldError> errors = new ArrayList<>();
        MovementRequest movement = new MovementRequest(form.parse("type", MovementRequest.Kind::valueOf, errors),
                form.text("depot"), form.text("toDepot"), form.text("item"), form.parse("quantity", Long::valueOf, errors),
                form.text("lot"), form.parse("expiresOn", LocalDate::parse, errors),
                form.parse("reason", AdjustmentReason::valueOf, errors), form.text("reference"), form.text("note"),
                form.text("floorOverride"));
        DeskForm.throwIfAny(errors);
        return movement;
    }
}
