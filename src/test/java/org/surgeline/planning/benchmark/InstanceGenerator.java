package org.surgeline.planning.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.surgeline.personnel.Skill;
import org.surgeline.planning.solver.BedBlock;
import org.surgeline.planning.solver.Demand;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.DepotStock;
import org.surgeline.planning.solver.PlanDepot;
import org.surgeline.planning.solver.PlanLab;
import org.surgeline.planning.solver.PlanSite;
import org.surgeline.planning.solver.PlanTeam;
import org.surgeline.planning.solver.PlanningWeights;
import org.surgeline.planning.solver.SampleBatch;
import org.surgeline.planning.solver.SupplyParcel;
import org.surgeline.planning.solver.TeamShift;
import org.surgeline.planning.solver.TravelMatrix;

/**
 * Planning problems of a given size from a fixed seed: counties scattered over a province,
 * depots holding 70-90 % of what is asked of each item with floors at a quarter of their stock,
 * teams of every skill, and requests of every priority with supply, team, bed and lab lines.
 */
public final class InstanceGenerator {

    public enum Size {
        S(18, 8, 10, 80, 60), M(120, 40, 12, 600, 400), L(1_000, 200, 12, 2_000, 3_000);

        final int counties;
        final int depots;
        final int items;
        final int teams;
        final int requests;

        Size(int counties, int depots, int items, int teams, int requests) {
            this.counties = counties;
            this.depots = depots;
            this.items = items;
            this.teams = teams;
            this.requests = requests;
        }
    }

    static final int HORIZON = 7;
    static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);

    private InstanceGenerator() {
    }

    public static DeploymentPlan generate(Size size, long seed) {
        Random random = new Random(seed);
        List<String> counties = new ArrayList<>();
        double[][] position = new double[size.counties][2];
        for (int c = 0; c < size.counties; c++) {
            counties.add(String.format("C%04d", c));
            // A province about 300 km across.
            position[c][0] = random.nextDouble() * 300;
            position[c][1] = random.nextDouble() * 300;
        }
        Map<String, Map<String, Integer>> minutes = new HashMap<>();
        for (int a = 0; a < size.counties; a++) {
            Map<String, Integer> row = new HashMap<>();
            for (int b = 0; b < size.counties; b++) {
                double km = Math.hypot(position[a][0] - position[b][0], position[a][1] - position[b][1]);
                row.put(counties.get(b), (int) Math.ceil(km * 1.3 / 60 * 60));
            }
            minutes.put(counties.get(a), row);
        }
        List<PlanDepot> depots = new ArrayList<>();
        for (int d = 0; d < size.depots; d++) {
            depots.add(new PlanDepot(String.format("D%03d", d), counties.get(random.nextInt(size.counties))));
        }
        long[] parcelSize = new long[size.items];
        for (int i = 0; i < size.items; i++) {
            parcelSize[i] = new long[] {48, 100, 200, 500, 1_000}[random.nextInt(5)];
        }

        List<SupplyParcel> parcels = new ArrayList<>();
        List<TeamShift> shifts = new ArrayList<>();
        List<BedBlock> beds = new ArrayList<>();
        List<SampleBatch> samples = new ArrayList<>();
        long[] asked = new long[size.items];
        Map<Skill, Integer> teamsAsked = new HashMap<>();
        for (int r = 0; r < size.requests; r++) {
            String county = counties.get(random.nextInt(size.counties));
            int roll = random.nextInt(10);
            int weight = roll < 6 ? 1 : roll < 9 ? 3 : 10;
            int lines = 1 + random.nextInt(3);
            for (int lineNo = 1; lineNo <= lines; lineNo++) {
                long lineId = (long) r * 10 + lineNo;
                Demand demand = new Demand(r, lineId, lineNo, county, weight);
                int kind = random.nextInt(10);
                if (kind < 6) {
                    int item = random.nextInt(size.items);
                    long units = parcelSize[item] * (1 + random.nextInt(8)) + random.nextInt((int) parcelSize[item]);
                    asked[item] += units;
                    for (int k = 0; units > 0; k++) {
                        long parcel = Math.min(units, parcelSize[item]);
                        parcels.add(new SupplyParcel("p-" + lineId + "-" + k, demand, "I" + item, parcel, null));
                        units -= parcel;
                    }
                } else if (kind < 8) {
                    Skill skill = Skill.values()[random.nextInt(Skill.values().length)];
                    int teams = 1 + random.nextInt(2);
                    int from = random.nextInt(HORIZON - 1);
                    int days = 1 + random.nextInt(Math.min(4, HORIZON - from));
                    teamsAsked.merge(skill, teams * days, Integer::sum);
                    for (int d = from; d < from + days; d++) {
                        for (int t = 0; t < teams; t++) {
                            shifts.add(new TeamShift("t-" + lineId + "-" + d + "-" + t, demand, skill,
                                    PLAN_DATE.plusDays(d), null));
                        }
                    }
                } else if (kind < 9) {
                    int from = random.nextInt(HORIZON - 1);
                    long count = 5 + random.nextInt(30);
                    for (int d = from; d < Math.min(HORIZON, from + 3); d++) {
                        for (long left = count, k = 0; left > 0; k++) {
                            long block = Math.min(10, left);
                            beds.add(new BedBlock("b-" + lineId + "-" + d + "-" + k, demand, PLAN_DATE.plusDays(d), block, null));
                            left -= block;
                        }
                    }
                } else {
                    int from = random.nextInt(HORIZON - 1);
                    long perDay = 1_000 + random.nextInt(9_000);
                    for (int d = from; d < Math.min(HORIZON, from + 3); d++) {
                        for (long left = perDay, k = 0; left > 0; k++) {
                            long batch = Math.min(5_000, left);
                            samples.add(new SampleBatch("s-" + lineId + "-" + d + "-" + k, demand, PLAN_DATE.plusDays(d), batch, null));
                            left -= batch;
                        }
                    }
                }
            }
        }

        // Stock is tight: together the depots hold 70-90 % of what is asked of each item.
        List<DepotStock> stock = new ArrayList<>();
        for (int i = 0; i < size.items; i++) {
            long total = (long) (asked[i] * (0.7 + random.nextDouble() * 0.2));
            double[] share = new double[size.depots];
            double sum = 0;
            for (int d = 0; d < size.depots; d++) {
                share[d] = random.nextDouble();
                sum += share[d];
            }
            for (int d = 0; d < size.depots; d++) {
                long available = (long) (total * share[d] / sum);
                stock.add(new DepotStock(depots.get(d), "I" + i, available, available / 4));
            }
        }

        List<PlanTeam> teams = new ArrayList<>();
        for (int t = 0; t < size.teams; t++) {
            Set<LocalDate> off = new HashSet<>();
            if (random.nextInt(10) < 3) {
                off.add(PLAN_DATE.plusDays(random.nextInt(HORIZON)));
            }
            teams.add(new PlanTeam(String.format("T%04d", t), Skill.values()[t % Skill.values().length],
                    counties.get(random.nextInt(size.counties)), off));
        }
        List<PlanSite> sites = new ArrayList<>();
        for (int s = 0; s < Math.max(4, size.counties / 3); s++) {
            sites.add(new PlanSite(String.format("S%03d", s), counties.get(random.nextInt(size.counties)),
                    10 + random.nextInt(60)));
        }
        List<PlanLab> labs = new ArrayList<>();
        for (int l = 0; l < Math.max(3, size.counties / 4); l++) {
            labs.add(new PlanLab(String.format("L%03d", l), counties.get(random.nextInt(size.counties)),
                    2_000 + random.nextInt(20_000)));
        }
        return new DeploymentPlan(PLAN_DATE, HORIZON, depots, stock, teams, sites, labs, new TravelMatrix(minutes),
                parcels, shifts, beds, samples, new PlanningWeights());
    }
}
