package app.lantern.inspection;

/** One item of a plan's contents. */
public record ChecklistItem(long planId, int ordinal, String text) {
}
