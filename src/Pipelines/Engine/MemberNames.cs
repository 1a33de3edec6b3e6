using System.Linq.Expressions;
using System.Reflection;

namespace Pipelines.Engine;

internal static class MemberNames
{
    public static string Of(LambdaExpression expression) =>
        MemberOf(expression)?.Name ?? throw new ArgumentException($"'{expression}' must name a field or property, like () => Registry.", nameof(expression));

    public static MemberInfo? MemberOf(LambdaExpression expression)
    {
        var body = expression.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs } unary)
        {
            body = unary.Operand;
        }

        return body is MemberExpression member ? member.Member : null;
    }

    /// <summary>Evaluates <c>() =&gt; member</c> by reflection (no expression compilation, which costs startup time).</summary>
    public static object? Evaluate(LambdaExpression expression)
    {
        var body = expression.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs } unary)
        {
            body = unary.Operand;
        }

        if (body is MemberExpression { Expression: ConstantExpression or null } member)
        {
            var target = (member.Expression as ConstantExpression)?.Value;
            return member.Member switch
            {
                FieldInfo field => field.GetValue(target),
                PropertyInfo property => property.GetValue(target),
                _ => expression.Compile().DynamicInvoke(),
            };
        }

        return expression.Compile().DynamicInvoke();
    }
}
