package org.surgeline.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.surgeline.platform.Level;
import org.surgeline.region.RiskLevel;

/**
 * Every label a console page shows, in English here and in Chinese in {@code messages/msg_zh.properties};
 * templates write them as {@code {msg:name}}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    @Message("Surgeline duty console")
    String appName();

    @Message("Main")
    String navLabel();

    @Message("Situation board")
    String navBoard();

    @Message("Requests")
    String navRequests();

    @Message("Alerts")
    String navAlerts();

    @Message("{#when role}{#is 'admin'}administrator{#is 'scheduler'}scheduler{#is 'warehouse'}warehouse{#is 'officer'}county officer{#else}no role{/when}")
    String role(String role);

    @Message("中文")
    String otherLanguage();

    @Message("Sign out")
    String signOut();

    @Message("Sign in")
    String signIn();

    @Message("Sign in to the duty console")
    String signInTitle();

    @Message("Wrong user name or password.")
    String signInFailed();

    @Message("User name")
    String userName();

    @Message("Password")
    String password();

    @Message("{#when status}{#is 404}Not found{#is 403}Not allowed{#is 409}Conflict{#is in 400 422}Cannot do that{#else}Something went wrong{/when}")
    String errorTitle(int status);

    @Message("{#when status}{#is 404}This record does not exist, or it is not one you may open.{#is 403}Your role may not do this here.{#is 409}The record changed or is in a state that does not allow this.{#is in 400 422}The request was not accepted.{#else}The service could not answer; try again, and quote the incident below if it persists.{/when}")
    String errorExplained(int status);

    @Message("Back to the situation board")
    String backToBoard();

    @Message("City situation board")
    String boardTitle();

    @Message("Figures as of")
    String asOf();

    @Message("; the board refreshes itself every 30 seconds.")
    String refreshes();

    @Message("Isolation, testing and open requests per county")
    String boardCaption();

    @Message("County")
    String county();

    @Message("Risk")
    String risk();

    @Message("{#when level}{#is LOW}low{#is MEDIUM}medium{#is HIGH}high{#else}–{/when}")
    String riskLevel(RiskLevel level);

    @Message("Isolation beds")
    String isolation();

    @Message("Testing (samples)")
    String testing();

    @Message("Open requests")
    String openRequests();

    @Message("Alerts")
    String alerts();

    @Message("physical")
    String physicalBeds();

    @Message("ready")
    String readyBeds();

    @Message("free")
    String freeBeds();

    @Message("converting")
    String convertingBeds();

    @Message("free share")
    String freeShare();

    @Message("age")
    String updated();

    @Message("capacity / day")
    String labCapacity();

    @Message("received today")
    String receivedToday();

    @Message("backlog")
    String backlog();

    @Message("utilization")
    String utilization();

    @Message("days to clear")
    String daysToClear();

    @Message("{#when priority}{#is 'CRITICAL'}critical{#is 'URGENT'}urgent{#is 'ROUTINE'}routine{#else}{priority}{/when}")
    String priority(String priority);

    @Message("City")
    String cityTotal();

    @Message("City reserve")
    String cityReserve();

    @Message("Days of cover per county and item")
    String coverCaption();

    @Message("Red: a depot holds less than its reserve floor. Amber: under 3 days of cover. ⚠: figures older than 24 hours.")
    String coverLegend();

    @Message("{#when level}{#is CRITICAL}critical{#is LOW}low{#else}ok{/when}")
    String level(Level level);

    @Message("no record")
    String noRecord();

    @Message("{minutes} min")
    String minutesAgo(long minutes);

    @Message("{hours} h")
    String hoursAgo(long hours);

    @Message("{days} d")
    String daysAgo(long days);

    @Message("Allocation requests")
    String requestsTitle();

    @Message("Waiting for a decision ({count})")
    String inboxTitle(int count);

    @Message("No request is waiting for a decision.")
    String inboxEmpty();

    @Message("Priority")
    String priorityLabel();

    @Message("Needed by")
    String neededBy();

    @Message("Submitted")
    String submittedAt();

    @Message("Requested by")
    String requester();

    @Message("Lines")
    String lines();

    @Message("New request")
    String newRequest();

    @Message("Justification")
    String justification();

    @Message("What is asked for")
    String linesCaption();

    @Message("Kind")
    String kind();

    @Message("Item")
    String item();

    @Message("Skill")
    String skill();

    @Message("Quantity")
    String quantity();

    @Message("From")
    String fromDate();

    @Message("Days")
    String days();

    @Message("Remove line")
    String removeLine();

    @Message("{#when kind}{#is 'SUPPLY'}supplies{#is 'TEAM'}teams{#is 'ISOLATION_BEDS'}isolation beds{#is 'LAB_THROUGHPUT'}lab throughput{#else}{kind}{/when}")
    String lineKind(String kind);

    @Message("Add a line")
    String addLine();

    @Message("Submit request")
    String submitRequest();

    @Message("Supplies: item and quantity in units. Teams: skill, number of teams, first day and days. Beds: beds, first day and days. Lab throughput: samples a day, first day and days. Empty rows are ignored.")
    String linesLegend();

    @Message("Requests of {county}")
    String ownRequests(String county);

    @Message("Latest requests")
    String allRequests();

    @Message("Status")
    String status();

    @Message("{#when status}{#is 'SUBMITTED'}submitted{#is 'APPROVED'}approved{#is 'REJECTED'}rejected{#is 'PLANNED'}planned{#is 'DISPATCHED'}dispatched{#is 'FULFILLED'}fulfilled{#is 'PARTIALLY_FULFILLED'}partly fulfilled{#is 'CANCELLED'}cancelled{#else}{status}{/when}")
    String requestStatus(String status);

    @Message("Request {id}")
    String requestTitle(long id);

    @Message("Not done")
    String refused();

    @Message("Decided by")
    String decidedBy();

    @Message("What")
    String what();

    @Message("Asked")
    String asked();

    @Message("Planned")
    String planned();

    @Message("Dispatched")
    String dispatched();

    @Message("Delivered")
    String delivered();

    @Message("Why (plan in force)")
    String explanation();

    @Message("not in the plan in force")
    String noPlanYet();

    @Message("Shipments")
    String shipments();

    @Message("No shipment yet.")
    String noShipments();

    @Message("From depot")
    String fromDepot();

    @Message("Actions")
    String actions();

    @Message("Note (optional)")
    String noteOptional();

    @Message("Approve")
    String approve();

    @Message("Four eyes: nobody approves a request they submitted themselves; another scheduler must.")
    String fourEyes();

    @Message("Reason (required)")
    String reasonRequired();

    @Message("Reject")
    String reject();

    @Message("Cancel request")
    String cancelRequest();

    @Message("Close request")
    String closeRequest();

    @Message("Alerts")
    String alertsTitle();

    @Message("Nothing to act on.")
    String noAlerts();

    @Message("Stock ({count})")
    String stockAlerts(int count);

    @Message("Alert")
    String alertKind();

    @Message("Depot")
    String depot();

    @Message("Detail")
    String detail();

    @Message("{#when kind}{#is 'BELOW_FLOOR'}below reserve floor{#is 'EXPIRING'}expiring lot{#is 'EXPIRED'}expired lot{#is 'PROJECTED_STOCKOUT'}projected stock-out{#else}{kind}{/when}")
    String stockAlertKind(String kind);

    @Message("Labs over 90 % or with a backlog over a day ({count})")
    String labAlerts(int count);

    @Message("Lab")
    String lab();

    @Message("Counties short of free isolation beds, under 10 % free ({count})")
    String bedAlerts(int count);

    @Message("Stock")
    String stockTitle();

    @Message("on hand")
    String onHand();

    @Message("reserved")
    String reserved();

    @Message("available")
    String available();

    @Message("reserve floor")
    String reserveFloor();

    @Message("days of cover")
    String daysOfCover();

    @Message("all depots")
    String allDepots();

    @Message("Site")
    String site();

    @Message("Charts of the last 14 days")
    String chartsLabel();

    @Message("Isolation beds: ready and occupied, last 14 days")
    String bedsChart();

    @Message("Isolation beds of {county}: ready and occupied, last 14 days")
    String bedsChartOf(String county);

    @Message("Lab backlog (samples), last 14 days")
    String backlogChart();

    @Message("Lab backlog of {county} (samples), last 14 days")
    String backlogChartOf(String county);

    @Message("occupied")
    String occupiedBeds();

    @Message("{days} day(s) recorded so far; the service records each county's figures once a day.")
    String chartsLegend(int days);

    @Message("Charts are loading…")
    String chartsLoading();

    @Message("no daily report")
    String reportMissing();

    // --- The planning desk ------------------------------------------------------------------

    @Message("Planning")
    String navPlans();

    @Message("Planning desk")
    String plansTitle();

    @Message("Start a planning run, watch its best score while it solves, compare the draft with the plan in force, then publish or discard it.")
    String plansIntro();

    @Message("Plan in force")
    String planInForce();

    @Message("No plan is in force yet.")
    String noPlanInForce();

    @Message("Plan {id}")
    String planTitle(long id);

    @Message("Horizon (days)")
    String horizonDays();

    @Message("{days} days")
    String horizonOf(int days);

    @Message("Time limit (seconds)")
    String timeLimitSeconds();

    @Message("Start planning")
    String startPlan();

    @Message("Planning runs, newest first ({total} in all)")
    String runsCaption(long total);

    @Message("Kind")
    String planKindLabel();

    @Message("{#when kind}{#is 'MANUAL'}manual{#is 'NIGHTLY'}nightly{#is 'REBALANCE'}rebalancing{#else}{kind}{/when}")
    String planKind(String kind);

    @Message("Reason")
    String planReason();

    @Message("{#when status}{#is 'QUEUED'}queued{#is 'SOLVING'}solving{#is 'DRAFT'}draft{#is 'PUBLISHED'}in force{#is 'SUPERSEDED'}superseded{#is 'FAILED'}failed{#is 'CANCELLED'}cancelled{#else}{status}{/when}")
    String planStatus(String status);

    @Message("Score")
    String planScore();

    @Message("Plan date")
    String planDate();

    @Message("Started by")
    String createdAt();

    @Message("Ran for")
    String solvedFor();

    @Message("{seconds} s")
    String seconds(long seconds);

    @Message("at most {seconds} s")
    String limitSeconds(int seconds);

    @Message("No planning run yet.")
    String noRuns();

    @Message("Pages")
    String pagesLabel();

    @Message("building the first plan: {unassigned} still to place")
    String scoreBuilding(int unassigned);

    @Message("{rules} rules broken (cannot be carried out)")
    String scoreBroken(long rules);

    @Message("all rules kept")
    String scoreRulesKept();

    @Message("unmet demand {weight} (weighted by priority)")
    String scoreUnmet(String weight);

    @Message("travel and spread {cost}")
    String scoreCost(String cost);

    @Message("{#when kind}{#is 'stale-plan'}This draft no longer fits: since it was solved, the plan in force, stock, teams or requests changed. Nothing was changed. Plan again to get a draft from today's situation.{#is 'plan-not-draft'}This plan is not a draft any more: someone published, discarded or replaced it meanwhile.{#is 'plan-purged'}This draft is older than the retention age and its plan was removed. Plan again.{#is 'plan-not-running'}This run is not queued or solving any more.{#else}The action was refused.{/when}")
    String refusalSaid(String kind);

    @Message("Plan again")
    String planAgain();

    @Message("Solved from")
    String basePlan();

    @Message("no plan in force")
    String noBasePlan();

    @Message("Published")
    String publishedBy();

    @Message("Discarded")
    String discardedBy();

    @Message("Why it failed")
    String planError();

    @Message("Progress")
    String progressTitle();

    @Message("{seconds} s since it started")
    String elapsed(long seconds);

    @Message("Best so far")
    String bestSoFar();

    @Message("found after {seconds} s")
    String foundAfter(long seconds);

    @Message("Updated every 2 seconds. Stopping keeps the best plan found so far as a draft.")
    String progressLegend();

    @Message("Stop now and keep the best plan")
    String stopPlan();

    @Message("Publish this plan")
    String publishPlan();

    @Message("Discard this draft")
    String discardPlan();

    @Message("Publishing replaces the plan in force in one step: its shipments not yet dispatched and its team days from this plan's date on are given back, then this plan's shipments are reserved and its teams booked.")
    String publishLegend();

    @Message("Met and unmet, per kind and priority (in each line's units)")
    String coverageCaption();

    @Message("Lines")
    String linesCount();

    @Message("Met")
    String met();

    @Message("Unmet")
    String unmet();

    @Message("No approved line to plan.")
    String noLines();

    @Message("Against the plan in force")
    String diffTitle();

    @Message("Nothing to compare: no other plan is in force.")
    String diffNone();

    @Message("What publishing changes in plan {id}, per kind")
    String diffCaption(long id);

    @Message("Added")
    String added();

    @Message("Removed")
    String removed();

    @Message("Changed")
    String changed();

    @Message("Unchanged")
    String unchanged();

    @Message("Every change: what a line gets on a day, before and after")
    String diffChanges();

    @Message("Change")
    String change();

    @Message("{#when type}{#is 'ADDED'}added{#is 'REMOVED'}removed{#is 'CHANGED'}changed{#else}{type}{/when}")
    String changeType(String type);

    @Message("Line")
    String line();
    // ---- Duty console II: the stock, isolation and lab desks (issue 19) ----

    @Message("Stock")
    String navStock();

    @Message("Isolation")
    String navIsolation();

    @Message("Labs")
    String navLabs();

    @Message("Show")
    String show();

    @Message("Day")
    String day();

    @Message("over the plan")
    String overThePlan();

    @Message("Before")
    String before();

    @Message("After")
    String after();

    @Message("Map of this plan")
    String mapTitle();

    @Message("Shipment")
    String shipmentRoute();

    @Message("Team move")
    String teamRoute();

    @Message("{team}, {days} days")
    String teamDays(String team, long days);

    @Message("Counties placed by latitude and longitude; a wider line carries more.")
    String mapLegend();

    @Message("Point at or tab to a line to see what it carries.")
    String mapHint();

    @Message("Shipments")
    String shipmentsPlanned();

    @Message("✱ marks what differs from the plan in force.")
    String changedLegend();

    @Message("differs from the plan in force")
    String changedMark();

    @Message("To county")
    String toCounty();

    @Message("Parcels")
    String parcels();

    @Message("None.")
    String none();

    @Message("Teams by day (the county each team serves)")
    String teamGrid();

    @Message("Team")
    String team();

    @Message("Isolation beds placed in another county")
    String bedPlacements();

    @Message("Beds")
    String beds();

    @Message("Samples sent to labs")
    String sampleRoutes();

    @Message("Samples")
    String samples();

    @Message("Unmet lines and why")
    String unmetLines();

    @Message("Every line is met in full.")
    String allMet();
    @Message("Stock desk")
    String stockDesk();

    @Message("all items")
    String allItems();

    @Message("From (day)")
    String fromDay();

    @Message("To (day, included)")
    String toDay();

    @Message("Apply filters")
    String applyFilters();

    @Message("Download the ledger as CSV")
    String downloadCsv();

    @Message("Record a movement")
    String movementTitle();

    @Message("Movement")
    String movementType();

    @Message("{#when kind}{#is 'RECEIPT'}receipt{#is 'ISSUE'}issue{#is 'TRANSFER'}transfer{#is 'ADJUSTMENT'}adjustment{#else}{kind}{/when}")
    String movementKind(String kind);

    @Message("{#when kind}{#is 'RECEIPT'}receipt{#is 'ISSUE'}issue{#is 'TRANSFER_OUT'}transfer out{#is 'TRANSFER_IN'}transfer in{#is 'ADJUSTMENT'}adjustment{#is 'RESERVE'}reserve{#is 'RELEASE'}release{#else}{kind}{/when}")
    String ledgerKind(String kind);

    @Message("To depot (transfer)")
    String toDepot();

    @Message("Lot")
    String lot();

    @Message("Expires on (receipt)")
    String expiresOn();

    @Message("Reason (adjustment)")
    String adjustmentReason();

    @Message("{#when reason}{#is 'COUNT_SURPLUS'}count surplus{#is 'COUNT_SHORTAGE'}count shortage{#is 'DAMAGE'}damage{#is 'EXPIRY'}expiry{#is 'LOST'}lost{#else}{reason}{/when}")
    String adjustmentReasonName(String reason);

    @Message("Reference")
    String reference();

    @Message("Note")
    String note();

    @Message("Why stock may go below the reserve floor (required)")
    String floorOverrideReason();

    @Message("Record movement")
    String recordMovement();

    @Message("Record below the floor, with this reason")
    String recordWithOverride();

    @Message("Receipt: lot and expiry date. Issue and transfer take the earliest-expiring lots unless a lot is named. Transfer: destination depot. Adjustment: reason (and a lot when it adds stock); large adjustments wait for a second person.")
    String movementLegend();

    @Message("This would take stock below the reserve floor. To record it anyway, give the reason below and send it again; the override is recorded with your name.")
    String floorAskReason();

    @Message("This would take stock below the reserve floor. Only an administrator may override a floor when recording a movement: nothing was recorded; ask an administrator.")
    String floorNotYours();

    @Message("Movement recorded; its ledger lines are marked below.")
    String movementRecorded();

    @Message("Adjustment {id} is large: it waits for a second person's approval and is not in the ledger yet.")
    String adjustmentPending(long id);

    @Message("Balances and lots")
    String balancesTitle();

    @Message("Available = on hand less expired and reserved. BELOW FLOOR (red): available is under the reserve floor.")
    String balancesLegend();

    @Message("expired")
    String expiredStock();

    @Message("lots (expiry, quantity)")
    String lots();

    @Message("until")
    String expires();

    @Message("below floor")
    String belowFloor();

    @Message("Ledger ({count} lines)")
    String ledgerTitle(long count);

    @Message("Time")
    String time();

    @Message("on hand ±")
    String onHandChange();

    @Message("reserved ±")
    String reservedChange();

    @Message("Reason, reference, note")
    String reasonAndReference();

    @Message("Floor override")
    String floorOverride();

    @Message("By")
    String actor();

    @Message("new")
    String justRecorded();

    @Message("Ledger pages")
    String ledgerPagesLabel();

    @Message("Newer")
    String newerPage();

    @Message("Older")
    String olderPage();

    @Message("Page {page} of {pages}")
    String pageOf(int page, long pages);

    @Message("Isolation desk")
    String isolationDesk();

    @Message("{count} room(s) moved.")
    String roomsMoved(int count);

    @Message("Each room shows its number, state, and occupants / beds; the colours repeat the state.")
    String roomLegend();

    @Message("{#when state}{#is 'PLANNED'}planned{#is 'CONVERTING'}converting{#is 'READY'}ready{#is 'OCCUPIED'}occupied{#is 'CLEANING'}cleaning{#is 'OUT_OF_SERVICE'}out of service{#else}{state}{/when}")
    String roomState(String state);

    @Message("This county has no isolation site in service.")
    String noSites();

    @Message("Conversion")
    String conversion();

    @Message("{rooms} room(s) converting, {progress} % done on average;")
    String conversionProgress(long rooms, Long progress);

    @Message("all expected ready by {day}")
    String readyBy(String day);

    @Message("no room converting")
    String conversionDone();

    @Message("Room {room}")
    String roomLabel(String room);

    @Message("Rooms of {site}")
    String roomsOf(String site);

    @Message("occupants / beds")
    String occupantsOfBeds();

    @Message("Move the selected rooms to")
    String moveSelectedTo();

    @Message("Occupants (to occupied)")
    String occupantsField();

    @Message("Progress % (converting)")
    String progressField();

    @Message("Expected ready on (converting)")
    String expectedReadyOn();

    @Message("Move selected rooms")
    String moveRooms();

    @Message("All or nothing: if any selected room cannot move, none moves, and the refused rooms are listed with the reason.")
    String moveLegend();

    @Message("Lab desk")
    String labsDesk();

    @Message("Labs and their figures today ({day})")
    String labsToday(String day);

    @Message("status")
    String labStatus();

    @Message("{#when status}{#is 'ACTIVE'}active{#is 'SUSPENDED'}suspended{#else}{status}{/when}")
    String labStatusName(String status);

    @Message("tubes × pooling")
    String capacityTubes();

    @Message("tested today")
    String testedToday();

    @Message("turnaround (h)")
    String turnaround();

    @Message("overloaded")
    String overloaded();

    @Message("Capacity in samples a day = tubes × pooling ratio. OVERLOADED (red): over 90 % of capacity used or over a day of backlog.")
    String labsLegend();

    @Message("This county has no lab in service.")
    String noLabs();

    @Message("Daily figures")
    String dailyFigures();

    @Message("Samples received")
    String samplesReceived();

    @Message("Samples tested")
    String samplesTested();

    @Message("Mean turnaround (hours)")
    String turnaroundHours();

    @Message("Save figures")
    String saveFigures();

    @Message("A day is reported once it has begun; reporting a day again replaces its figures. A lab never tests more than its backlog plus what it received.")
    String figuresLegend();

    @Message("Figures saved.")
    String figuresSaved();

    @Message("Capacity from a date")
    String capacityChange();

    @Message("Tubes a day")
    String tubesPerDay();

    @Message("Pooling ratio (samples per tube)")
    String poolingRatio();

    @Message("From")
    String effectiveFrom();

    @Message("Save capacity")
    String saveCapacity();

    @Message("History is kept: a change applies from today or a later day.")
    String capacityLegend();

    @Message("Capacity saved.")
    String capacitySaved();

    @Message("{lab}: capacity, samples received and backlog, last 14 days")
    String labChart(String lab);

    @Message("The chart's figures as a table")
    String chartAsTable();
    // ---- end of Duty console II ----
}
