using System.ComponentModel;
using System.Linq.Expressions;
using System.Reflection;

namespace Ledger.Domain;

/// <summary>
/// A field of an event as the files write it: its snake_case name, its type, whether a line must carry it,
/// and the property that holds it, whose <see cref="DescriptionAttribute"/> (or its type's) says what it is.
/// </summary>
public sealed record EventField(string Name, Type Type, bool Required, PropertyInfo Property)
{
    /// <summary>What the field holds, in a line: the property's description, else its type's.</summary>
    public string Description =>
        Property.GetCustomAttribute<DescriptionAttribute>()?.Description
        ?? (Nullable.GetUnderlyingType(Type) ?? Type).GetCustomAttribute<DescriptionAttribute>()?.Description
        ?? "";

    /// <summary>The field's value in an event of its type, read by a compiled getter: every event of an import is checked field by field.</summary>
    public Func<object, object?> Value { get; } = Getter(Property);

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var @event = Expression.Parameter(typeof(object));
        var read = Expression.Property(Expression.Convert(@event, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), @event).Compile();
    }

    /// <summary>A field that is true when left out (<c>record_eligible</c>), as its <see cref="DefaultValueAttribute"/> says.</summary>
    public bool TrueWhenLeftOut => Property.GetCustomAttribute<DefaultValueAttribute>()?.Value is true;

    /// <summary>The switch that sets the field to one value, if it has one.</summary>
    public SwitchAttribute? Switch => Property.GetCustomAttribute<SwitchAttribute>();
}

/// <summary>A switch the command line offers for the field's usual other value: <c>--women-only</c> is <c>race: women_only</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SwitchAttribute(string name, string value) : Attribute
{
    public string Name { get; } = name;
    public string Value { get; } = value;
}
