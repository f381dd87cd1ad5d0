using System.Reflection.Emit;
using System.Reflection;
using JasperFx.CommandLine.Parsing;
using Ledger.Store.Commanding;

namespace Ledger.Cli.Writing;

/// <summary>
/// A verb for each declared write. JasperFx knows a verb by its type, whose <see cref="DescriptionAttribute"/> gives
/// its name and help; so each write's verb is given a type of its own as the command line starts: a
/// <see cref="WriteCommand{TCommand}"/> of its command, with the write's name and summary.
/// </summary>
public static class WriteVerbs
{
    public static void Register(CommandFactory commands)
    {
        var verbs = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Ledger.WriteVerbs"), AssemblyBuilderAccess.Run).DefineDynamicModule("WriteVerbs");
        foreach (var write in Write.All)
        {
            GeneratedParserRegistry.Register(new WriteFlags(write));
            var verb = verbs.DefineType($"{write.Command.Name}Verb", TypeAttributes.Public | TypeAttributes.Sealed,
                typeof(WriteCommand<>).MakeGenericType(write.Command));
            verb.SetCustomAttribute(new CustomAttributeBuilder(
                typeof(DescriptionAttribute).GetConstructor([typeof(string)])!, [write.Summary],
                [typeof(DescriptionAttribute).GetProperty(nameof(DescriptionAttribute.Name))!], [write.Verb]));
            verb.DefineDefaultConstructor(MethodAttributes.Public);
            commands.RegisterCommand(verb.CreateType());
        }
    }
}
