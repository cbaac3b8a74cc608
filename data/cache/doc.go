// Package cache keeps, in the user's cache folder, what a load of a corpus
// produced, so that reopening an unchanged corpus decodes no YAML and
// anchors nothing. An entry is keyed by the content of every file the load
// read (load.Inputs); any difference means a full load through data/load.
//
// It never writes beside a corpus.
package cache
