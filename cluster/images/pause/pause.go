// Command pause is the sandbox process of every pod: it holds the pod's namespaces open,
// reaps orphaned children (it is PID 1 when the pod shares its process namespace) and
// exits on SIGINT or SIGTERM. Written for kubelessons' locally built kind node image.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if os.Getpid() != 1 {
		os.Stderr.WriteString("warning: pause should be the first process\n")
	}
	sigs := make(chan os.Signal, 8)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGCHLD)
	for s := range sigs {
		switch s {
		case syscall.SIGCHLD:
			for {
				var status syscall.WaitStatus
				pid, err := syscall.Wait4(-1, &status, syscall.WNOHANG, nil)
				if pid <= 0 || err != nil {
					break
				}
			}
		default:
			os.Stderr.WriteString("shutting down, got signal: " + s.String() + "\n")
			os.Exit(0)
		}
	}
}
