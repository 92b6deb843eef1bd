package main

import (
	"runtime/debug"
	"strings"
)

// buildVersion is the version pmwiz reports: -ldflags "-X main.version=…"
// when a release build set it; else what the Go toolchain recorded: the
// module version of a go install (v1.2.0), or the commit a go build from
// a clone was made at (devel 0123456789ab, +dirty with local changes).
func buildVersion(ldflags string, info *debug.BuildInfo, ok bool) string {
	if ldflags != "" {
		return ldflags
	}
	if !ok || info == nil {
		return "unknown (built without module information)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	v := info.Main.Version
	// A go install of a release or a pseudo-version names the module
	// version; "(devel)" means a build from a work tree.
	if v != "" && v != "(devel)" && !strings.HasPrefix(v, "v0.0.0-") {
		return v
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified == "true" {
			rev += "+dirty"
		}
		return "devel " + rev
	}
	if v != "" && v != "(devel)" {
		return v // a pseudo-version: it names the commit too
	}
	return "devel (no version control information)"
}

func currentVersion() string {
	info, ok := debug.ReadBuildInfo()
	return buildVersion(version, info, ok)
}
