package app.lantern.catalogue;

/** A unit at its depth in a tree. */
public record UnitTreeEntry(Unit unit, int depth) {
}
