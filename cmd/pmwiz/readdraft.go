package main

import (
	"fmt"
	"io"
	"os"

	"github.com/pmwiz/pmwiz/model"
)

// maxDraftBytes bounds what pmwiz reads: a post-mortem is text, and a
// multi-megabyte file is a mistake (a log pasted as a draft, say).
const maxDraftBytes = 10 << 20

// readDraftFile reads and decodes a draft file. TEMPORARY: replaced by the
// store's Load (which also resolves draft names) when the store lands.
func readDraftFile(path string) (*model.Draft, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxDraftBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxDraftBytes {
		return nil, fmt.Errorf("larger than 10 MB: is it really a draft?")
	}
	return model.Decode(data)
}
