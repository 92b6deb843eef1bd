package store

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// helperEnv makes the test binary act as a helper process instead of
// running tests: the crash test and the two-process tests need a second
// process that can be killed, or that holds a lock.
const helperEnv = "PMWIZ_STORE_HELPER"

func TestMain(m *testing.M) {
	switch os.Getenv(helperEnv) {
	case "":
		os.Exit(m.Run())
	case "saveloop":
		saveLoop()
	case "holdlock":
		holdLock()
	case "fsize":
		fsizeSave()
	default:
		fmt.Fprintln(os.Stderr, "unknown helper", os.Getenv(helperEnv))
		os.Exit(3)
	}
	os.Exit(0)
}

func helperStore() *Store {
	s, err := Open(os.Getenv("PMWIZ_DIR"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	return s
}

// crashVersion is version i of the crash test's draft. Its size changes
// with i and every field names i, so a torn or mixed file cannot pass for
// a whole version.
func crashVersion(i int) *model.Draft {
	d := model.New(fmt.Sprintf("version %d", i), t0)
	tag := fmt.Sprintf("v%d;", i)
	d.Summary = strings.Repeat(tag, 20000+(i%5)*3000)
	d.Lessons = []string{strings.Repeat(tag, 5000), tag}
	d.HumanElements = tag
	return d
}

// saveLoop saves version after version, printing each number once its
// save has returned, until it is killed.
func saveLoop() {
	s := helperStore()
	i, _ := strconv.Atoi(os.Getenv("PMWIZ_START"))
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "ready")
	out.Flush()
	for ; ; i++ {
		if err := s.Save("pm", crashVersion(i)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		fmt.Fprintln(out, i)
		out.Flush()
	}
}

// holdLock takes the draft's lock and keeps it until stdin closes.
func holdLock() {
	s := helperStore()
	l, err := s.Lock("pm")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(3)
	}
	fmt.Println("locked")
	buf := make([]byte, 1)
	os.Stdin.Read(buf)
	l.Unlock()
}

// fsizeSave saves under a 64 KB file-size limit: a real write failure
// half-way through a save, as on a full disk.
func fsizeSave() {
	s := helperStore()
	signal.Ignore(syscall.SIGXFSZ) // get EFBIG instead of dying
	lim := syscall.Rlimit{Cur: 64 << 10, Max: 64 << 10}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		fmt.Println("setrlimit:", err)
		os.Exit(3)
	}
	if err := s.Save("pm", crashVersion(1)); err != nil { // about 150 KB
		var se *SaveError
		fmt.Printf("efbig=%v saveerror=%v %v\n", errors.Is(err, syscall.EFBIG), errors.As(err, &se), err)
		return
	}
	fmt.Println("saved")
}
