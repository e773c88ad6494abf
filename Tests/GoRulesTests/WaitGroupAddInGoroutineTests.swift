import XCTest

final class WaitGroupAddInGoroutineTests: XCTestCase {
    let rule = "waitgroup-add-in-goroutine"
    let selfCountingGoroutines = """
    package p

    import "sync"

    type Pool struct {
    \twg sync.WaitGroup
    }

    func process(items []string) {
    \tvar wg sync.WaitGroup
    \tfor _, item := range items {
    \t\tgo func(item string) {
    \t\t\twg.Add(1)
    \t\t\tdefer wg.Done()
    \t\t\thandle(item)
    \t\t}(item)
    \t}
    \twg.Wait()
    }

    func (p *Pool) Start(n int) {
    \tfor i := 0; i < n; i++ {
    \t\tgo func() {
    \t\t\tp.wg.Add(1)
    \t\t\tdefer p.wg.Done()
    \t\t\tif n > 1 {
    \t\t\t\tp.wg.Add(1)
    \t\t\t\tp.wg.Done()
    \t\t\t}
    \t\t}()
    \t}
    }

    func pointer(wg *sync.WaitGroup) {
    \tgo func() {
    \t\twg.Add(1) // registers itself
    \t\tdefer wg.Done()
    \t}()
    }
    """

    func testReportsAGoroutineCountingItself() {
        let source = selfCountingGoroutines
        let race = "inside the goroutine races with"
        XCTAssertEqual(findings(source, only: rule), [
            "13:4: error: wg.Add \(race) wg.Wait, which may return before the goroutine is counted: call wg.Add before the go statement [waitgroup-add-in-goroutine]",
            "24:4: error: p.wg.Add \(race) p.wg.Wait, which may return before the goroutine is counted: call p.wg.Add before the go statement [waitgroup-add-in-goroutine]",
            "36:3: error: wg.Add \(race) wg.Wait, which may return before the goroutine is counted: call wg.Add before the go statement [waitgroup-add-in-goroutine]",
        ])
    }

    func testSilentForCorrectCountingAndLookalikes() {
        let source = """
        package p

        import "sync"

        func correct(items []string) {
        \tvar wg sync.WaitGroup
        \tfor _, item := range items {
        \t\twg.Add(1)
        \t\tgo func(item string) {
        \t\t\tdefer wg.Done()
        \t\t\thandle(item)
        \t\t}(item)
        \t}
        \twg.Wait()
        }

        func children(wg *sync.WaitGroup, jobs <-chan string) {
        \twg.Add(1)
        \tgo func() {
        \t\tdefer wg.Done()
        \t\tfor job := range jobs {
        \t\t\twg.Add(1)
        \t\t\tgo func(job string) {
        \t\t\t\tdefer wg.Done()
        \t\t\t\thandle(job)
        \t\t\t}(job)
        \t\t}
        \t}()
        }

        func innerGroup() {
        \tgo func() {
        \t\tvar wg sync.WaitGroup
        \t\twg.Add(1)
        \t\tgo func() { defer wg.Done() }()
        \t\twg.Wait()
        \t}()
        }

        type counter struct{}

        func (counter) Add(int) {}
        func (counter) Done()   {}

        func notAWaitGroup(c counter) {
        \tgo func() {
        \t\tc.Add(1)
        \t\tdefer c.Done()
        \t}()
        }

        func reuse(wg *sync.WaitGroup) {
        \tgo func() {
        \t\twg.Wait()
        \t\twg.Add(1)
        \t\twg.Done()
        \t}()
        }

        func handle(string) {}
        """
        XCTAssertEqual(findings(source, only: rule), [])
    }
}

extension WaitGroupAddInGoroutineTests {
    func testFixMovesTheAddBeforeTheGoStatement() {
        let source = """
        package p

        import "sync"

        func (p *Pool) Start(n int) {
        \tfor i := 0; i < n; i++ {
        \t\tgo func() {
        \t\t\tp.wg.Add(1)
        \t\t\tdefer p.wg.Done()
        \t\t\tp.serve()
        \t\t}()
        \t}
        }

        type Pool struct{ wg sync.WaitGroup }
        """
        XCTAssertEqual(applyingFixes(source, only: rule), """
        package p

        import "sync"

        func (p *Pool) Start(n int) {
        \tfor i := 0; i < n; i++ {
        \t\tp.wg.Add(1)
        \t\tgo func() {
        \t\t\tdefer p.wg.Done()
        \t\t\tp.serve()
        \t\t}()
        \t}
        }

        type Pool struct{ wg sync.WaitGroup }
        """)
        XCTAssertEqual(diagnostics(selfCountingGoroutines, only: rule).map { $0.fixes.count }, [1, 1, 0])
    }

    func testNoFixWhenTheAddUsesTheGoroutinesOwnNames() {
        let source = "package p\nimport \"sync\"\nfunc f(wg *sync.WaitGroup) {\n\tgo func() {\n\t\tn := 1\n\t\twg.Add(n)\n\t\tdefer wg.Done()\n\t}()\n}\n"
        let found = diagnostics(source, only: rule)
        XCTAssertEqual(found.map(render), [
            "6:3: error: wg.Add inside the goroutine races with wg.Wait, which may return before the goroutine is counted: call wg.Add before the go statement [waitgroup-add-in-goroutine]",
        ])
        XCTAssertEqual(found.first?.fixes, [])
    }
}

extension WaitGroupAddInGoroutineTests {
    func testRecognisesWaitGroupsByTheirDeclarations() {
        let source = """
        package p

        import gosync "sync"

        type server struct {
        \tinflight *gosync.WaitGroup
        }

        func a(jobs []func()) {
        \twg := &gosync.WaitGroup{}
        \tfor _, job := range jobs {
        \t\tgo func(job func()) {
        \t\t\tif job != nil {
        \t\t\t\twg.Add(1)
        \t\t\t}
        \t\t\tdefer wg.Done()
        \t\t\tjob()
        \t\t}(job)
        \t}
        \twg.Wait()
        }

        func b() {
        \twg := new(gosync.WaitGroup)
        \tgo func() { wg.Add(1); defer wg.Done() }()
        \twg.Wait()
        }

        func (s *server) handle() {
        \tgo func() {
        \t\ts.inflight.Add(1)
        \t\tdefer s.inflight.Done()
        \t}()
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "14:5: error: wg.Add inside the goroutine races with wg.Wait, which may return before the goroutine is counted: call wg.Add before the go statement [waitgroup-add-in-goroutine]",
            "25:14: error: wg.Add inside the goroutine races with wg.Wait, which may return before the goroutine is counted: call wg.Add before the go statement [waitgroup-add-in-goroutine]",
            "31:3: error: s.inflight.Add inside the goroutine races with s.inflight.Wait, which may return before the goroutine is counted: call s.inflight.Add before the go statement [waitgroup-add-in-goroutine]",
        ])
        XCTAssertEqual(diagnostics(source, only: rule).map { $0.fixes.count }, [0, 0, 1])
    }
}
