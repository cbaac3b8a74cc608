// Package quietlocale keeps Fyne quiet about C locales. Under LANG=C.UTF-8
// (the default of Debian, of most container images, and so of CI, cron
// and ssh sessions) Fyne's lang package, while it initialises, reads the
// language "C", fails to parse it as a language tag and logs three lines
// of "Fyne error" before any command has run. main imports this package
// for its init, which runs before Fyne's: it imports nothing beyond os and
// strings, which the locale library Fyne reads the environment with
// imports too, and its import path sorts first (the Go specification's
// initialisation order). It then says English through LANGUAGE, which
// that library reads for a locale such as C.UTF-8 and which gettext
// ignores under a C locale; LANG and LC_* stay as they were.
package quietlocale

import (
	"os"
	"strings"
)

func init() { Apply(os.Getenv, os.Setenv) }

// Apply sets LANGUAGE to "en" when the locale that messages follow
// (LC_ALL, else LC_MESSAGES, else LANG) is C or POSIX with a charset or
// modifier, such as C.UTF-8, and LANGUAGE is not set.
func Apply(getenv func(string) string, setenv func(key, value string) error) {
	if getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		lang := v
		if i := strings.IndexAny(v, ".@"); i >= 0 {
			lang = v[:i]
		}
		if (lang == "C" || lang == "POSIX") && v != lang {
			setenv("LANGUAGE", "en")
		}
		return
	}
}
