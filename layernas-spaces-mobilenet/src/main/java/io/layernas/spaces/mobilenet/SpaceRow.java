package io.layernas.spaces.mobilenet;

/**
 * One row of a search-space table as the paper prints it (Tables 7, 9, 11, 13).
 *
 * @param name     layer or op name
 * @param operator e.g. {@code bneck {3x3, 5x5}}
 * @param filters  output filters, a value or a set
 * @param expanded expanded filters, a set, or empty
 * @param stride   stride, 0 for virtual layers
 * @param options  {@code |S|}, 1 for fixed rows
 */
public record SpaceRow(String name, String operator, String filters, String expanded, int stride, int options) {
}
