import XCTest

/// The wait rules read every construct they look at from a tree that may be cut anywhere:
/// every prefix of a file that uses all of them must lint without trapping.
final class WaitRulesRobustnessTests: XCTestCase {
    func testEveryPrefixOfAFileLints() {
        let source = goSource("""
        type s struct { events chan int; wg sync.WaitGroup; quit chan struct{} }
        func (x *s) run(ctx context.Context, r *http.Request, in <-chan int) error {
        \tdone := ctx.Done()
        \tctx, cancel := context.WithTimeout(ctx, time.Second)
        \tdefer cancel()
        \tsigs := make(chan os.Signal, 1)
        \tsignal.Notify(sigs, os.Interrupt)
        outer:
        \tfor v := range in {
        \t\tselect {
        \t\tcase <-done:
        \t\t\tbreak outer
        \t\tcase e, ok := <-x.events:
        \t\t\tif !ok { return nil }
        \t\t\tuse(e, v)
        \t\tcase <-time.After(time.Second):
        \t\t\tgoto end
        \t\t}
        \t\tif err := ctx.Err(); err != nil || errors.Is(err, context.Canceled) { continue outer }
        \t\tgo func() { x.wg.Wait(); time.Sleep(time.Second); x.events <- v }()
        \t}
        end:
        \tfor { <-sigs; time.Sleep(2 * time.Second) }
        }
        """)
        let bytes = Array(source.utf8)
        for end in stride(from: 0, through: bytes.count, by: 3) {
            let prefix = String(decoding: bytes[0..<end], as: UTF8.self)
            _ = findings(prefix)
        }
    }
}
