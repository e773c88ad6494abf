/// Every exit status the tool can end with, in one place so the policy is visible at a glance.
///
/// When several apply, the highest wins: a usage or input failure (2) hides findings (1),
/// because a run that could not read what it was asked to read cannot vouch for the result.
public enum ExitStatus: Int32, Sendable, Comparable, CaseIterable {
    /// Nothing at or above the failing severity was found.
    case success = 0
    /// At least one diagnostic at or above the failing severity.
    case findings = 1
    /// Bad arguments, invalid configuration, or a path named on the command line that could not be linted.
    case usageOrInputError = 2

    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
