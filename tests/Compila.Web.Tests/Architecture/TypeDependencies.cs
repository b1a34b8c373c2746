using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Compila.Web.Tests.Architecture;

/// <summary>
/// Every type an assembly's types use, read from the compiled IL (signatures, bodies, attributes), with
/// compiler-generated types (closures, async state machines) counted as their declaring type.
/// </summary>
public static class TypeDependencies
{
    public static IReadOnlyDictionary<string, HashSet<string>> Of(System.Reflection.Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type).FullName;
            if (!result.TryGetValue(owner, out var used))
            {
                result[owner] = used = new HashSet<string>(StringComparer.Ordinal);
            }

            Collect(type, used);
        }

        return result;
    }

    static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is null ? type : Outermost(type.DeclaringType);

    static void Collect(TypeDefinition type, HashSet<string> used)
    {
        Add(type.BaseType, used);
        foreach (var item in type.Interfaces) Add(item.InterfaceType, used);
        foreach (var attribute in type.CustomAttributes) Add(attribute.AttributeType, used);
        foreach (var field in type.Fields) Add(field.FieldType, used);
        foreach (var property in type.Properties) Add(property.PropertyType, used);
        foreach (var method in type.Methods)
        {
            Add(method.ReturnType, used);
            foreach (var parameter in method.Parameters) Add(parameter.ParameterType, used);
            foreach (var attribute in method.CustomAttributes) Add(attribute.AttributeType, used);
            if (!method.HasBody) continue;
            foreach (var variable in method.Body.Variables) Add(variable.VariableType, used);
            foreach (var instruction in method.Body.Instructions) AddOperand(instruction, used);
        }
    }

    static void AddOperand(Instruction instruction, HashSet<string> used)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                Add(type, used);
                break;
            case MethodReference method:
                Add(method.DeclaringType, used);
                Add(method.ReturnType, used);
                foreach (var parameter in method.Parameters) Add(parameter.ParameterType, used);
                if (method is GenericInstanceMethod generic)
                {
                    foreach (var argument in generic.GenericArguments) Add(argument, used);
                }

                break;
            case FieldReference field:
                Add(field.DeclaringType, used);
                Add(field.FieldType, used);
                break;
        }
    }

    static void Add(TypeReference? type, HashSet<string> used)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(generic.ElementType, used);
                foreach (var argument in generic.GenericArguments) Add(argument, used);
                return;
            case TypeSpecification specification:
                Add(specification.ElementType, used);
                return;
        }

        var outer = type;
        while (outer.DeclaringType is not null) outer = outer.DeclaringType;
        used.Add(outer.FullName);
    }
}
