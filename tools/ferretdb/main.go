// Command ferretdb is a tiny wrapper around FerretDB v1's embeddable package.
// We build it ourselves because `go install .../cmd/ferretdb` panics on a
// missing version file; the ferretdb package has no such check.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "host:port to listen on")
	dataDir := flag.String("data-dir", "", "SQLite data directory")
	flag.Parse()

	if *dataDir == "" {
		fmt.Fprintln(os.Stderr, "ferretdb: --data-dir is required")
		os.Exit(2)
	}
	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dataDir + "/",
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go exitWithParent(stop)

	// Printed once the listener is about to accept: the starter script waits on the port.
	fmt.Println("ferretdb: listening on", *listen)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}

// exitWithParent stops the server when the process that started it is gone (killed with
// SIGKILL, crashed): an orphaned server would keep the data folder busy for the next start.
// An orphan is re-parented (to init or a subreaper), so its parent pid changes.
func exitWithParent(stop func()) {
	parent := os.Getppid()
	for range time.Tick(250 * time.Millisecond) {
		if os.Getppid() != parent {
			fmt.Fprintln(os.Stderr, "ferretdb: parent process", parent, "is gone; stopping")
			stop()
			return
		}
	}
}
