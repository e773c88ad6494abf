import GoSyntax

/// Calls after which control never continues: the goroutine panics, exits or is ended.
/// Recognised from names, without types, so the lists favour the common logging and testing APIs.
public enum NoReturnCalls {
    /// Package members that never return, by import path.
    static let packageMembers: [String: Set<String>] = [
        "os": ["Exit"],
        "syscall": ["Exit"],
        "runtime": ["Goexit"],
        "log": ["Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"],
        "k8s.io/klog": ["Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth"],
        "k8s.io/klog/v2": ["Fatal", "Fatalf", "Fatalln", "FatalDepth", "FatalS", "Exit", "Exitf", "Exitln",
                           "ExitDepth"],
        "github.com/golang/glog": ["Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln",
                                   "ExitDepth"],
    ]

    /// Methods that end the goroutine or process on any receiver: testing's t.Fatal/b.Fatal and
    /// the loggers' Fatal (exit) and Panic (panic) families.
    static let methods: Set<String> = ["Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"]
    /// testing.T/B/F methods that stop the test's goroutine; only trusted where `testing` is in use.
    static let testingMethods: Set<String> = ["FailNow", "SkipNow", "Skip", "Skipf"]

    /// Whether `call` (a callExpr) never returns.
    public static func isNoReturn(_ call: NodeID, in file: GoFile) -> Bool {
        let tree = file.tree
        guard tree.kind(call) == .callExpr else { return false }
        let function = tree.unparen(tree.child(call, 0))
        switch tree.kind(function) {
        case .identifier:
            return tree.hasText(function, "panic") && file.bindings.symbol(of: function) == nil
        case .selectorExpr:
            let member = tree.text(tree.child(function, 1))
            if let path = file.importPath(ofQualifier: function) {
                if let members = packageMembers[path] { return members.contains(member) }
                return methods.contains(member) && member.hasPrefix("Fatal")
            }
            if methods.contains(member) { return true }
            return testingMethods.contains(member) && (file.isTestFile || file.imports.imports("testing"))
        default:
            return false
        }
    }
}
