package org.trialgraph.trial;

/** The GraphQL input {@code TrialOrder}: one sort key. */
public record TrialOrder(Field field, Direction direction) {

    public enum Direction { ASC, DESC }

    /** Sort keys as Cypher expressions; missing values sort as the smallest. */
    public enum Field {
        NCT_ID("t.nctId", false),
        START_DATE("coalesce(t.startDate, '')", false),
        LAST_UPDATED("coalesce(t.lastUpdated, '')", false),
        ENROLLMENT("coalesce(t.enrollmentCount, -1)", true),
        TITLE("toLower(coalesce(t.briefTitle, ''))", false),
        /** The full-text score: only in search, best first unless asked otherwise. */
        RELEVANCE("score", true);

        final String expression;
        final boolean numeric;

        Field(String expression, boolean numeric) {
            this.expression = expression;
            this.numeric = numeric;
        }
    }

    /** The direction asked for, or the field's default (ascending; relevance: best first). */
    public Direction directionOrAsc() {
        if (direction != null) {
            return direction;
        }
        return field == Field.RELEVANCE ? Direction.DESC : Direction.ASC;
    }
}
