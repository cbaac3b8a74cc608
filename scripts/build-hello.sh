#!/usr/bin/env bash
# Builds the baseline of the start-up measurement: a minimal Fyne window
# (one label, 1280×800). Its source is written here rather than kept as a
# Go file of the project, where only main.go may create a Fyne app.
# Usage: scripts/build-hello.sh OUT
set -euo pipefail
out=$1
# "_" keeps it out of ./... patterns (go help packages).
src=build/_hello-src
mkdir -p "$src"
cat > "$src/main.go" <<'GO'
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
GO
go build -o "$out" "./$src"
