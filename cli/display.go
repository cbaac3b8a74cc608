package cli

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// DisplayCheck says why no window can open here, before GLFW is asked to
// (it panics, with a stack trace, when there is no display). On Linux and
// the BSDs the window needs an X11 display (Fyne's GLFW driver; under
// Wayland, XWayland provides one): DISPLAY must be set and its server must
// answer. Elsewhere every session has a display. getenv and dial are the
// process's own in main, stand-ins in tests.
func DisplayCheck(goos string, getenv func(string) string, dial func(network, addr string) error) error {
	switch goos {
	case "windows", "darwin", "ios", "android", "js":
		return nil
	}
	display := getenv("DISPLAY")
	if display == "" {
		if getenv("WAYLAND_DISPLAY") != "" {
			return fmt.Errorf("no X11 display was found (DISPLAY is not set; this session has only Wayland, and the window needs X11 through XWayland); the commands validate, stats and export work without one")
		}
		return fmt.Errorf("no display was found (DISPLAY is not set); the commands validate, stats and export work without one")
	}
	host, number, ok := parseDisplay(display)
	if !ok {
		return fmt.Errorf("DISPLAY %q is not a display name such as :0 or localhost:10.0", display)
	}
	var err error
	if host == "" || host == "unix" {
		socket := "/tmp/.X11-unix/X" + strconv.Itoa(number)
		if err = dial("unix", socket); err != nil && dial("unix", "@"+socket) == nil { // Linux's abstract socket
			err = nil
		}
	} else {
		err = dial("tcp", net.JoinHostPort(host, strconv.Itoa(6000+number)))
	}
	if err != nil {
		return fmt.Errorf("the display %q does not answer (%v); the commands validate, stats and export work without one", display, err)
	}
	return nil
}

// parseDisplay reads an X11 display name, [host]:number[.screen]; a path
// to a socket (as XQuartz sets) is taken as it is, numbered 0.
func parseDisplay(s string) (host string, number int, ok bool) {
	if strings.HasPrefix(s, "/") {
		return "", 0, true
	}
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", 0, false
	}
	host, rest := s[:i], s[i+1:]
	if dot := strings.IndexByte(rest, '.'); dot >= 0 {
		rest = rest[:dot]
	}
	n, err := strconv.Atoi(rest)
	return strings.Trim(host, "[]"), n, err == nil && n >= 0 && n < 10000
}

// Dial is DisplayCheck's dial for real: a connection opened and closed,
// within a second.
func Dial(network, addr string) error {
	c, err := net.DialTimeout(network, addr, time.Second)
	if err != nil {
		return err
	}
	return c.Close()
}

// looksLikeCorpus reports whether a first argument that names no command
// is meant as a corpus file: it exists, or it reads as a path or a YAML
// file name. Anything else ("valdate") is a mistyped command.
func looksLikeCorpus(arg string) bool {
	if _, err := os.Stat(arg); err == nil {
		return true
	}
	ext := strings.ToLower(filepath.Ext(arg))
	return strings.ContainsAny(arg, `/\`) || ext == ".yaml" || ext == ".yml"
}
