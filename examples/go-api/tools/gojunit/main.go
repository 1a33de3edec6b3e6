// Command gojunit converts `go test -json` output (stdin) to JUnit XML (stdout).
// Lines that are not JSON (e.g. compiler errors on stderr) become a failed
// "build" test case so a broken build still shows up in the report.
// Standard library only: no module proxy is needed to build it.
package main

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"sort"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Elapsed float64
	Output  string
}

type testCase struct {
	XMLName   xml.Name  `xml:"testcase"`
	Name      string    `xml:"name,attr"`
	ClassName string    `xml:"classname,attr"`
	Time      string    `xml:"time,attr"`
	Failure   *failure  `xml:"failure,omitempty"`
	Skipped   *struct{} `xml:"skipped,omitempty"`
	SystemOut string    `xml:"system-out,omitempty"`
}

type failure struct {
	Message string `xml:"message,attr"`
	Body    string `xml:",chardata"`
}

type testSuite struct {
	XMLName  xml.Name   `xml:"testsuite"`
	Name     string     `xml:"name,attr"`
	Tests    int        `xml:"tests,attr"`
	Failures int        `xml:"failures,attr"`
	Skipped  int        `xml:"skipped,attr"`
	Time     string     `xml:"time,attr"`
	Cases    []testCase `xml:"testcase"`
}

type testSuites struct {
	XMLName xml.Name    `xml:"testsuites"`
	Suites  []testSuite `xml:"testsuite"`
}

type pkgState struct {
	order   []string
	outputs map[string]*strings.Builder
	results map[string]event
	done    *event
}

func main() {
	pkgs := map[string]*pkgState{}
	var stray []string
	get := func(name string) *pkgState {
		p, ok := pkgs[name]
		if !ok {
			p = &pkgState{outputs: map[string]*strings.Builder{}, results: map[string]event{}}
			pkgs[name] = p
		}
		return p
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		var e event
		if !strings.HasPrefix(line, "{") || json.Unmarshal([]byte(line), &e) != nil {
			if strings.TrimSpace(line) != "" {
				stray = append(stray, line)
			}
			continue
		}
		p := get(e.Package)
		switch {
		case e.Test == "" && (e.Action == "pass" || e.Action == "fail" || e.Action == "skip"):
			ev := e
			p.done = &ev
		case e.Test == "":
			// package-level output ("PASS", "ok ...") carries no test result
		case e.Action == "run":
			p.order = append(p.order, e.Test)
			p.outputs[e.Test] = &strings.Builder{}
		case e.Action == "output":
			if b, ok := p.outputs[e.Test]; ok {
				b.WriteString(e.Output)
			}
		case e.Action == "pass" || e.Action == "fail" || e.Action == "skip":
			p.results[e.Test] = e
		}
	}

	var out testSuites
	names := make([]string, 0, len(pkgs))
	for n := range pkgs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := pkgs[n]
		s := testSuite{Name: n, Time: "0"}
		if p.done != nil {
			s.Time = seconds(p.done.Elapsed)
		}
		for _, t := range p.order {
			r, ok := p.results[t]
			tc := testCase{Name: t, ClassName: n, Time: seconds(r.Elapsed), SystemOut: p.outputs[t].String()}
			switch {
			case !ok || r.Action == "fail":
				tc.Failure = &failure{Message: "test failed", Body: p.outputs[t].String()}
				tc.SystemOut = ""
				s.Failures++
			case r.Action == "skip":
				tc.Skipped = &struct{}{}
				s.Skipped++
			}
			s.Cases = append(s.Cases, tc)
			s.Tests++
		}
		if p.done != nil && p.done.Action == "fail" && s.Failures == 0 {
			s.Cases = append(s.Cases, testCase{Name: "package", ClassName: n, Time: "0",
				Failure: &failure{Message: "package failed", Body: strings.Join(stray, "\n")}})
			s.Tests++
			s.Failures++
			stray = nil
		}
		if s.Tests > 0 {
			out.Suites = append(out.Suites, s)
		}
	}
	failed := len(out.Suites) == 0
	for _, s := range out.Suites {
		failed = failed || s.Failures > 0
	}
	if len(stray) > 0 && failed {
		out.Suites = append(out.Suites, testSuite{Name: "build", Tests: 1, Failures: 1, Time: "0",
			Cases: []testCase{{Name: "build", ClassName: "build", Time: "0",
				Failure: &failure{Message: "build output", Body: strings.Join(stray, "\n")}}}})
	}
	total, failures := 0, 0
	for _, s := range out.Suites {
		total += s.Tests
		failures += s.Failures
		for _, c := range s.Cases {
			if c.Failure != nil {
				fmt.Fprintf(os.Stderr, "FAIL %s.%s\n%s\n", c.ClassName, c.Name, c.Failure.Body)
			}
		}
	}
	fmt.Fprintf(os.Stderr, "gojunit: %d tests, %d failures\n", total, failures)
	fmt.Print(xml.Header)
	enc := xml.NewEncoder(os.Stdout)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Println()
}

func seconds(f float64) string { return fmt.Sprintf("%.3f", f) }
