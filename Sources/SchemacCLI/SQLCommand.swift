import ArgumentParser
import SchemacPlanner
import SchemacSQL

struct SQL: SchemacSubcommand {
    static let configuration = CommandConfiguration(commandName: "sql", abstract: "Print the full CREATE script of the current schema.")

    @OptionGroup var schemaOptions: SchemaOptions

    func execute(_ console: Console) -> Int32 {
        guard let pipeline = Pipeline.load(schema: schemaOptions.schema, out: nil, console: console) else { return ExitCode.invalidInput }
        let plan = Planner.creation(of: pipeline.schema)
        console.print(SQLRenderer.script(plan, options: pipeline.sqlOptions))
        console.keepUntilExit((pipeline, plan))
        return ExitCode.success
    }
}
