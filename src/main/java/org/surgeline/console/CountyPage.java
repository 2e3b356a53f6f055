package org.surgeline.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.surgeline.isolation.BedCapacity;
import org.surgeline.isolation.IsolationService;
import org.surgeline.isolation.IsolationSite;
import org.surgeline.platform.Roles;
import org.surgeline.region.CountyService;
import org.surgeline.stock.CountyStock;
import org.surgeline.stock.StockOverviewService;
import org.surgeline.testing.LabService;
import org.surgeline.testing.LabView;

/**
 * One county's records behind the board's figures: stock per item and depot, isolation sites, labs.
 * The board and the alerts link here; an officer opens their own county only (another is not found).
 */
@Path("/console/counties/{code}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
@ConsolePage
public class CountyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance county(ConsoleContext.Frame frame, String code, String name,
                List<CountyStock> stock, List<Site> sites, List<LabView> labs);
    }

    @TemplateData
    public record Site(String code, String name, BedCapacity capacity) {
    }

    @Inject
    ConsoleContext console;
    @Inject
    CountyService counties;
    @Inject
    StockOverviewService stock;
    @Inject
    IsolationService isolation;
    @Inject
    LabService labs;

    @GET
    public TemplateInstance page(@PathParam("code") String code) {
        // The stock read checks the scope first: another county's officer gets a 404 before anything is read.
        List<CountyStock> countyStock = stock.countyStock(Optional.of(code), Optional.empty());
        // One aggregate for all sites, not a query per site.
        Map<String, BedCapacity> capacity = isolation.capacityBySite(Optional.empty());
        List<Site> sites = isolation.sites(Optional.of(code)).stream()
                .map((IsolationSite s) -> new Site(s.code, s.name, capacity.getOrDefault(s.code, BedCapacity.NONE)))
                .toList();
        return console.render(Templates.county(console.frame("board"), code, console.countyName(counties.get(code)),
                countyStock, sites, labs.labViews(Optional.of(code), false)));
    }
}
