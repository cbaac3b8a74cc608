// Package charts owns the topic-frequency charts: what they show (a Table
// of counts built from the corpus), how each chart is drawn with go-chart,
// the geometry of every drawn cell so a click leads to the annotations
// behind it, and the PNG, SVG and CSV files they export to.
//
// go-chart v2.1.2 fails on zero or NaN ranges, normalises stacked bars to
// 100%, draws over its own legend and writes unescaped SVG text; none of
// that can happen through this package: every range and tick is set here,
// every series is drawn by this package's own code, and every label is
// clipped and, for SVG, escaped.
package charts
