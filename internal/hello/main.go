// Command hello is a minimal Fyne window: one label, 1280×800. It is the
// baseline that scripts/startup-time.sh measures the app's start-up
// against.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Hello")
	w.SetContent(widget.NewLabel("Hello"))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
