package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// windowKeys answers the keys the window handles wherever the focus is
// (F1 for help), reporting whether it took the key. Fyne hands a key
// without a modifier to the focused widget alone and never treats it as a
// shortcut (fyne-io/fyne#4393), so every focusable widget the window makes
// is one of the small types below, which offer the key to the window
// before using it themselves.
type windowKeys func(*fyne.KeyEvent) bool

// offer gives a key to the window's keys, when there are any.
func (k windowKeys) offer(e *fyne.KeyEvent) bool { return k != nil && k(e) }

// keyCheck is a widget.Check that offers keys to the window first.
type keyCheck struct {
	widget.Check
	keys windowKeys
}

func newKeyCheck(label string, changed func(bool), keys windowKeys) *keyCheck {
	c := &keyCheck{keys: keys}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey implements fyne.Focusable.
func (c *keyCheck) TypedKey(e *fyne.KeyEvent) {
	if !c.keys.offer(e) {
		c.Check.TypedKey(e)
	}
}

// keySelect is a widget.Select that offers keys to the window first.
type keySelect struct {
	widget.Select
	keys windowKeys
}

func newKeySelect(options []string, changed func(string), keys windowKeys) *keySelect {
	s := &keySelect{keys: keys}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable.
func (s *keySelect) TypedKey(e *fyne.KeyEvent) {
	if !s.keys.offer(e) {
		s.Select.TypedKey(e)
	}
}

// keyButton is a widget.Button that offers keys to the window first.
type keyButton struct {
	widget.Button
	keys windowKeys
}

func newKeyButton(label string, icon fyne.Resource, tapped func(), keys windowKeys) *keyButton {
	b := &keyButton{keys: keys}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey implements fyne.Focusable.
func (b *keyButton) TypedKey(e *fyne.KeyEvent) {
	if !b.keys.offer(e) {
		b.Button.TypedKey(e)
	}
}

// keyList is a widget.List that offers keys to the window first.
type keyList struct {
	widget.List
	keys windowKeys
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), keys windowKeys) *keyList {
	l := &keyList{keys: keys}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey implements fyne.Focusable.
func (l *keyList) TypedKey(e *fyne.KeyEvent) {
	if !l.keys.offer(e) {
		l.List.TypedKey(e)
	}
}
