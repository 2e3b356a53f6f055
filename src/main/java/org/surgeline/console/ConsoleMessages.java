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

    @Message("Figures as of {time}; the board refreshes itself every 30 seconds.")
    String asOf(String time);

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

    @Message("updated")
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

    @Message("{minutes} min ago")
    String minutesAgo(long minutes);

    @Message("{hours} h ago")
    String hoursAgo(long hours);

    @Message("{days} d ago")
    String daysAgo(long days);
}
