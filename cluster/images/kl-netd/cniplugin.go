package main

// kl-netd doubles as the last plugin of the CNI chain (installed as /opt/cni/bin/kl-netd).
// On ADD it records which pod got which IP in /run/kl-netd/pods/<ip> and waits (at most
// a few seconds) until the agent has programmed that pod's NetworkPolicy rules and written
// <ip>.ready. A pod's containers therefore never send a packet before its policies hold:
// without this, a new pod could talk freely until the kubelet reported its IP to the API.

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

const podIPDir = "/run/kl-netd/pods"

func runCNIPlugin() {
	switch os.Getenv("CNI_COMMAND") {
	case "VERSION":
		fmt.Print(`{"cniVersion":"0.4.0","supportedVersions":["0.3.0","0.3.1","0.4.0","1.0.0"]}`)
		return
	case "ADD":
	default: // DEL, CHECK, GC, STATUS: nothing to undo or check; the agent prunes stale records
		stdin, _ := io.ReadAll(os.Stdin)
		var conf map[string]any
		if json.Unmarshal(stdin, &conf) == nil && os.Getenv("CNI_COMMAND") == "DEL" {
			for _, ip := range prevIPs(conf) {
				_ = os.Remove(filepath.Join(podIPDir, ip))
				_ = os.Remove(filepath.Join(podIPDir, ip+".ready"))
			}
		}
		return
	}
	stdin, err := io.ReadAll(os.Stdin)
	if err != nil {
		cniError("reading the network configuration: " + err.Error())
	}
	var conf map[string]any
	if err := json.Unmarshal(stdin, &conf); err != nil {
		cniError("parsing the network configuration: " + err.Error())
	}
	prev, ok := conf["prevResult"]
	if !ok {
		cniError("kl-netd must follow an IPAM-assigning plugin in the chain (no prevResult)")
	}
	ns, name := "", ""
	for _, kv := range strings.Split(os.Getenv("CNI_ARGS"), ";") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "K8S_POD_NAMESPACE":
			ns = v
		case "K8S_POD_NAME":
			name = v
		}
	}
	if ns != "" && name != "" {
		_ = os.MkdirAll(podIPDir, 0o755)
		ips := prevIPs(conf)
		for _, ip := range ips {
			_ = os.Remove(filepath.Join(podIPDir, ip+".ready"))
			_ = writeFileAtomic(filepath.Join(podIPDir, ip), ns+"/"+name)
		}
		deadline := time.Now().Add(5 * time.Second)
		for _, ip := range ips {
			for time.Now().Before(deadline) {
				if _, err := os.Stat(filepath.Join(podIPDir, ip+".ready")); err == nil {
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
		}
	}
	out, _ := json.Marshal(prev)
	os.Stdout.Write(out)
}

func prevIPs(conf map[string]any) []string {
	prev, _ := conf["prevResult"].(map[string]any)
	list, _ := prev["ips"].([]any)
	var ips []string
	for _, e := range list {
		m, _ := e.(map[string]any)
		if addr, ok := m["address"].(string); ok {
			ip, _, _ := strings.Cut(addr, "/")
			if !strings.Contains(ip, ":") {
				ips = append(ips, ip)
			}
		}
	}
	return ips
}

func cniError(msg string) {
	fmt.Printf(`{"cniVersion":"0.4.0","code":999,"msg":%q}`, msg)
	os.Exit(1)
}

// recordedPodIPs reads the plugin's records: "namespace/name" -> IP, and which IPs wait for .ready.
func recordedPodIPs() (map[string]string, []string) {
	byPod := map[string]string{}
	var waiting []string
	entries, _ := os.ReadDir(podIPDir)
	ready := map[string]bool{}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".ready") {
			ready[strings.TrimSuffix(e.Name(), ".ready")] = true
		}
	}
	newest := map[string]time.Time{}
	for _, e := range entries {
		n := e.Name()
		if strings.HasSuffix(n, ".ready") || strings.HasSuffix(n, ".tmp") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(podIPDir, n))
		info, ierr := e.Info()
		if err != nil || ierr != nil {
			continue
		}
		if t, seen := newest[string(b)]; seen && t.After(info.ModTime()) {
			continue // a pod name used again: the newest record wins
		}
		newest[string(b)] = info.ModTime()
		byPod[string(b)] = n
		if !ready[n] {
			waiting = append(waiting, n)
		}
	}
	return byPod, waiting
}
