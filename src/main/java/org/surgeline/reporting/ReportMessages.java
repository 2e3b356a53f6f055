package org.surgeline.reporting;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Labels of the printable daily summary; Chinese in {@code messages/report_zh.properties}. */
@MessageBundle(value = "report", locale = "en")
public interface ReportMessages {

    @Message("Daily summary, {date}")
    String title(java.time.LocalDate date);

    @Message("Cutoff {cutoff}; closes {closes}")
    String deadlines(String cutoff, String closes);

    @Message("Closed: this summary no longer changes.")
    String closed();

    @Message("{reported} of {expected} counties reported; {missing} missing.")
    String counts(int reported, int expected, int missing);

    @Message("County")
    String county();

    @Message("Status")
    String status();

    @Message("{#when status}{#is ON_TIME}on time{#is LATE}late{#is MISSING}MISSING{/when}")
    String statusOf(DailySummary.Status status);

    @Message("zero report")
    String zeroReport();

    @Message("Beds physical")
    String bedsPhysical();

    @Message("ready")
    String bedsReady();

    @Message("free")
    String bedsFree();

    @Message("occupied")
    String bedsOccupied();

    @Message("converting")
    String bedsConverting();

    @Message("Rooms converting")
    String roomsConverting();

    @Message("Lab capacity")
    String labCapacity();

    @Message("received")
    String labReceived();

    @Message("tested")
    String labTested();

    @Message("backlog")
    String labBacklog();

    @Message("Teams in")
    String teamsIn();

    @Message("out")
    String teamsOut();

    @Message("Open requests (critical / urgent / routine)")
    String openRequests();

    @Message("Change since the day before")
    String change();

    @Message("City")
    String city();

    @Message("Days of cover")
    String daysOfCover();

    @Message("Narratives")
    String narratives();
}
