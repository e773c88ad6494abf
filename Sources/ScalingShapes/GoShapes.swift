extension ScalingShapes {
    /// Go sources whose analysis must stay linear in the size of a function, a file or a package.
    static var goShapes: [ScalingShape] {
        [
            ScalingShape(name: "go-functions-with-context-and-loop",
                         summary: "functions that each take a context and run a loop",
                         baseSize: 200) { n in
                [GeneratedFile(path: "loops.go", text: "package p\n\nimport (\n\t\"context\"\n\t\"time\"\n)\n\n" + repeated(n) { i in
                    "func f\(i)(ctx context.Context, ch chan int) {\n\tfor {\n\t\tselect {\n\t\tcase v := <-ch:\n\t\t\t_ = v\n\t\t}\n\t\ttime.Sleep(time.Second)\n\t}\n}\n\n"
                })]
            },
            // One cancel variable re-derived over and over: every reassignment is a definition
            // whose paths are searched (lost-cancel), each once, not each over all the others.
            ScalingShape(name: "go-reassigned-cancels-in-one-function",
                         summary: "`ctx, cancel = context.WithCancel(ctx)` repeated in one function",
                         baseSize: 250) { n in
                [GeneratedFile(path: "reassigned.go", text: "package p\n\nimport \"context\"\n\n"
                    + "func f(ctx context.Context) {\n\tctx, cancel := context.WithCancel(ctx)\n"
                    + repeated(n) { _ in "\tctx, cancel = context.WithCancel(ctx)\n" }
                    + "\tdefer cancel()\n\t_ = ctx\n}\n")]
            },
            // Discarded cancels in one function: the fix each finding carries (built while
            // linting, --fix or not) looks for the name `cancel` in the function once, not once
            // per discarded cancel. Not run with --fix --diff: applying n fixes and diffing them
            // is the engine's cost (FixPlan, LineDiff), measured apart.
            ScalingShape(name: "go-discarded-cancels-in-one-function",
                         summary: "`ctxN, _ := context.WithCancel(ctx)` repeated in one function",
                         baseSize: 250) { n in
                [GeneratedFile(path: "discarded.go", text: "package p\n\nimport \"context\"\n\n"
                    + "func f(ctx context.Context) {\n"
                    + repeated(n) { i in "\tctx\(i), _ := context.WithCancel(ctx)\n\t_ = ctx\(i)\n" }
                    + "}\n")]
            },
            // Goroutines nested in loops, each deriving a context from the one around it: every
            // wait looks up the contexts in scope, which must not cost the size of the function.
            ScalingShape(name: "go-nested-goroutines-rederiving-context",
                         summary: "goroutine literals nested in loops, each re-deriving ctx and waiting",
                         baseSize: 24) { n in
                var body = ""
                for _ in 0..<n {
                    // One tab, whatever the depth: the size stays proportional to n.
                    let indent = "\t"
                    body += "\(indent)go func() {\n\(indent)\tfor {\n"
                        + "\(indent)\t\tctx, cancel := context.WithCancel(ctx)\n\(indent)\t\tdefer cancel()\n"
                        + "\(indent)\t\t<-ch\n\(indent)\t\t_ = ctx\n"
                }
                for _ in 0..<n {
                    let indent = "\t"
                    body += "\(indent)\t}\n\(indent)}()\n"
                }
                return [GeneratedFile(path: "nested.go", text: "package p\n\nimport \"context\"\n\n"
                    + "func f(ctx context.Context, ch chan int) {\n" + body + "}\n")]
            },
            // A package of files that each store a cancel function in a field nobody in the file
            // reads: cancel-escapes asks the other files of the package, which are read once.
            ScalingShape(name: "go-package-storing-cancels",
                         summary: "files of one package, each storing a cancel in a struct field",
                         baseSize: 60) { n in
                (0..<n).map { i in
                    GeneratedFile(path: "s\(i).go", text: "package p\n\nimport \"context\"\n\n"
                        + "type s\(i) struct {\n\tstop\(i) context.CancelFunc\n}\n\n"
                        + "func (s *s\(i)) start(ctx context.Context) context.Context {\n"
                        + "\tctx, s.stop\(i) = context.WithCancel(ctx)\n\treturn ctx\n}\n"
                        + repeated(20) { j in "\nfunc helper\(i)x\(j)(a, b int) int { return a + b }\n" })
                }
            },
            // Found while profiling: contexts derived one from another in one function, each
            // followed by a loop; every loop wants the nearest live context, not the list of all.
            ScalingShape(name: "go-chained-contexts-with-loops",
                         summary: "`ctxN+1, cancelN+1 := context.WithCancel(ctxN)` and a loop, repeated in one function",
                         baseSize: 150) { n in
                [GeneratedFile(path: "chained.go", text: "package p\n\nimport \"context\"\n\n"
                    + "func f(ctx0 context.Context, ch chan int) {\n"
                    + repeated(n) { i in
                        "\tctx\(i + 1), cancel\(i + 1) := context.WithCancel(ctx\(i))\n\tdefer cancel\(i + 1)()\n"
                            + "\tfor {\n\t\t<-ch\n\t\tbreak\n\t}\n"
                    }
                    + "}\n")]
            },
            // Many selects with a Done case that does not exit, in one loop: each asks whether
            // the rest of the iteration leaves the loop, answered for the whole body at once.
            ScalingShape(name: "go-done-cases-in-one-loop",
                         summary: "selects whose Done case does not exit, repeated in one loop body",
                         baseSize: 150) { n in
                [GeneratedFile(path: "done.go", text: "package p\n\nimport \"context\"\n\n"
                    + "func f(ctx context.Context, ch chan int) {\n\tfor {\n"
                    + repeated(n) { _ in "\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\tprintln()\n\t\tcase <-ch:\n\t\t}\n" }
                    + "\t}\n}\n")]
            },
            // Many sleeps in one loop: each asks whether a cancel() follows it in its block.
            ScalingShape(name: "go-sleeps-in-one-loop",
                         summary: "`time.Sleep` repeated in one loop body with a context in scope",
                         baseSize: 400) { n in
                [GeneratedFile(path: "sleeps.go", text: "package p\n\nimport (\n\t\"context\"\n\t\"time\"\n)\n\n"
                    + "func f(ctx context.Context) {\n\tfor {\n"
                    + repeated(n) { _ in "\t\ttime.Sleep(time.Second)\n" }
                    + "\t}\n}\n")]
            },
            // Handlers that each call context.Background() beside their request: every call once
            // asked every request of the file whether it was visible.
            ScalingShape(name: "go-handlers-calling-background",
                         summary: "HTTP handlers that each start from context.Background()",
                         baseSize: 300) { n in
                [GeneratedFile(path: "handlers.go", text: "package p\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\n"
                    + repeated(n) { i in
                        "func h\(i)(w http.ResponseWriter, r *http.Request) {\n\tctx := context.Background()\n\tuse(ctx)\n}\n\n"
                    } + "func use(context.Context) {}\n")]
            },
            // A package-level cancel reassigned n times in one function: each store once walked
            // the whole function for a call of it (found by the fuzzer with the seeds above).
            ScalingShape(name: "go-package-cancel-reassigned-in-one-function",
                         summary: "`ctx, cancel = context.WithCancel(ctx)` with a package-level cancel, repeated",
                         baseSize: 250) { n in
                [GeneratedFile(path: "stored.go", text: "package p\n\nimport \"context\"\n\nvar cancel context.CancelFunc\n\n"
                    + "func f(ctx context.Context) {\n"
                    + repeated(n) { _ in "\tctx, cancel = context.WithCancel(ctx)\n" }
                    + "\t_ = ctx\n}\n")]
            },
            // A cancel reassigned n times in a loop body with a deferred call: defer-cancel-in-loop
            // looked at every use of the variable for each reassignment (found by the fuzzer).
            ScalingShape(name: "go-cancel-reassigned-in-a-loop",
                         summary: "`ctx, cancel = context.WithCancel(ctx)` repeated in a loop body that defers cancel",
                         baseSize: 250) { n in
                [GeneratedFile(path: "loop.go", text: "package p\n\nimport \"context\"\n\n"
                    + "func f(ctx context.Context) {\n\tfor {\n\t\tctx, cancel := context.WithCancel(ctx)\n"
                    + repeated(n) { _ in "\t\tctx, cancel = context.WithCancel(ctx)\n" }
                    + "\t\tdefer cancel()\n\t\t_ = ctx\n\t}\n}\n")]
            },
        ]
    }
}
