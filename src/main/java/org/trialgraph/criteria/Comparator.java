package org.trialgraph.criteria;

/** How a constraint relates its concept to the value. BETWEEN is inclusive at both ends. */
public enum Comparator {
    LT("<"), LE("<="), EQ("="), GE(">="), GT(">"), BETWEEN("between"), PRESENT("present"), ABSENT("absent");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
