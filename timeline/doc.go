// Package timeline owns the interactive timeline: a time scale that zooms
// and pans, adaptive calendar ticks, lanes of marks (meetings on top, one
// lane per topic below), era bands, and level of detail that merges marks
// too close to tell apart into clusters. All of that is pure logic
// (scale.go, ticks.go, model.go, frame.go) that tests without a window; it
// is drawn into one raster (draw.go) by the Fyne widget (widget.go) and by
// the headless export (export.go) alike.
package timeline
