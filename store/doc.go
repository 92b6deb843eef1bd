// Package store keeps post-mortem drafts on disk so that nothing a user
// types is ever lost: crash-safe saves that keep the previous version as
// NAME.json.bak, a lock per draft so two terminals cannot overwrite each
// other, loads that never modify what they read and explain every failure,
// a fast listing, a trash instead of deletion, and the autosaver the wizard
// feeds on every keystroke.
//
// A drafts directory holds, for a draft called NAME:
//
//	NAME.json        the draft (model.Encode's canonical bytes, mode 0600)
//	NAME.json.bak    the version before the last save
//	NAME.lock        exists while a pmwiz edits NAME; says who (pid, host, since)
//	.NAME.json.tmp-* a save in progress (or killed); never loaded, cleaned later
//	.trash/          drafts removed with "pmwiz rm"
//	.index.json      a cache that keeps "pmwiz list" fast; safe to delete
package store
