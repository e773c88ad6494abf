/// The tool's name and version, shared by the command line and by reporters that embed them (SARIF, checkstyle).
public enum ToolInfo {
    public static let name = "cancellint"
    public static let version = "0.1.0"
    /// Where users learn about the tool (SARIF's `informationUri`); the project's home page.
    public static let informationURI = "https://github.com/cancellint/cancellint"
}
