package org.trialgraph.criteria;

/**
 * A comparison as written ("&gt;= 1.5 x 10^9/l", "18-75 years", "0 or 1", "2 or more"), before unit
 * normalisation. form tells how it was written; upper is set for ranges and lists (their maximum).
 */
record ValueExpression(Form form, Comparator comparator, double value, Double upper, RawUnit unit, double factor,
                       int start, int end) {

    enum Form { OPERATOR, RANGE, LIST, BARE, OR_BETTER }

    ValueExpression withUnit(RawUnit newUnit, double newFactor) {
        return new ValueExpression(form, comparator, value, upper, newUnit, newFactor, start, end);
    }
}
