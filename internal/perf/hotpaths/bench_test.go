package hotpaths_test

import (
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"
	"testing"
)

// pages are the addresses everyone reads, measured for a visitor (with the
// cookie a browser keeps) and for a logged-in member.
func pages(f *fixture) []struct{ name, path string } {
	return []struct{ name, path string }{
		{"home", "/"},
		{"section", f.section},
		{"section-last-page", f.sectionDeep},
		{"thread", f.thread},
		{"thread-last-page-of-2000-replies", f.threadLast},
		// {"search", "/search?q=facture"}: the search issue adds its page here.
	}
}

func BenchmarkPages(b *testing.B) {
	f := getFixture(b)
	for _, who := range []struct{ name, cookie string }{{"visitor", f.visitor}, {"member", f.member}} {
		for _, p := range pages(f) {
			b.Run(who.name+"/"+p.name, func(b *testing.B) {
				if w := f.do(http.MethodGet, p.path, who.cookie, nil); w.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", p.path, w.Code)
				}
				b.ReportAllocs()
				for b.Loop() {
					f.do(http.MethodGet, p.path, who.cookie, nil)
				}
			})
		}
	}
}

// BenchmarkPagesParallel is the thread page served to as many concurrent
// readers as the benchmark's parallelism, for the throughput of all cores.
func BenchmarkPagesParallel(b *testing.B) {
	f := getFixture(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			f.do(http.MethodGet, f.thread, f.visitor, nil)
		}
	})
}

// BenchmarkReply posts replies as a member, each to the next of 100
// threads, through the form, CSRF check and redirect included.
func BenchmarkReply(b *testing.B) {
	f := getFixture(b)
	form := url.Values{"csrf": {f.csrf}, "body": {"Merci pour ce retour, je fais pareil avec mes clients depuis deux ans."}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		path := "/t/" + strconv.FormatInt(f.replyTo[i%len(f.replyTo)], 10) + "/reply"
		if w := f.do(http.MethodPost, path, f.member, form); w.Code != http.StatusSeeOther {
			b.Fatalf("POST %s: %d %s", path, w.Code, w.Body.String())
		}
		i++
	}
}

// BenchmarkReplyParallel posts replies from 32 writers at once (16 per
// core on this machine): SQLite serialises them, PostgreSQL queues them on
// row locks; none may fail.
func BenchmarkReplyParallel(b *testing.B) {
	f := getFixture(b)
	form := url.Values{"csrf": {f.csrf}, "body": {"Merci pour ce retour, je fais pareil avec mes clients depuis deux ans."}}
	var n atomic.Int64
	b.SetParallelism(16)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			path := "/t/" + strconv.FormatInt(f.replyTo[i%int64(len(f.replyTo))], 10) + "/reply"
			if w := f.do(http.MethodPost, path, f.member, form); w.Code != http.StatusSeeOther {
				b.Errorf("POST %s: %d %s", path, w.Code, w.Body.String())
				return
			}
		}
	})
}

// BenchmarkRenderLongestPost renders the longest generated post, as saving
// it does (markup has its own benchmark on a hand-written post).
func BenchmarkRenderLongestPost(b *testing.B) {
	f := getFixture(b)
	b.SetBytes(int64(len(f.longestBody)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.app.Markup.Render(f.longestBody); err != nil {
			b.Fatal(err)
		}
	}
}
