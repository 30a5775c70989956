using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// A boolean member of the object that a statement runs under, and the value it needs: <c>if (active) { … }</c>
    /// (active, true), <c>if (!running) return; …</c> (running, true), the <c>else</c> of <c>if (open)</c> (open,
    /// false). Read from syntax: the flag is a simple name or <c>this.name</c>, alone or as one operand of <c>&amp;&amp;</c>.
    /// </summary>
    internal sealed class FlagGuard : IEquatable<FlagGuard>
    {
        public FlagGuard(string flag, bool value)
        {
            this.Flag = flag;
            this.Value = value;
        }

        public string Flag { get; }

        public bool Value { get; }

        /// <summary>
        /// The guard of <paramref name="node"/> within its member, lambda or local function, or null; never a parameter
        /// or local of that function (<c>Dispose(bool disposing)</c> tests an argument, not the object's state).
        /// </summary>
        public static FlagGuard? Of(SyntaxNode node)
        {
            foreach (var guard in Enclosing(node))
            {
                return guard;
            }

            return null;
        }

        /// <summary>Every guard of <paramref name="node"/> within its function, nearest first (nested <c>if</c>s, early exits).</summary>
        public static IEnumerable<FlagGuard> Enclosing(SyntaxNode node)
        {
            var function = node.FirstAncestorOrSelf<SyntaxNode>(IsFunction);
            for (var current = node; current.Parent is { } parent && !IsFunction(parent); current = parent)
            {
                var guard = parent switch
                {
                    IfStatementSyntax test when test.Statement == current => Test(test.Condition, allowConjunction: true),
                    ElseClauseSyntax { Parent: IfStatementSyntax test } when Test(test.Condition, allowConjunction: false) is { } flag => new FlagGuard(flag.Flag, !flag.Value),
                    BlockSyntax block => EarlyExitBefore(block, current),
                    _ => null,
                };
                if (guard is not null && !(function is not null && DeclaresLocally(function, guard.Flag)))
                {
                    yield return guard;
                }
            }
        }

        private static bool DeclaresLocally(SyntaxNode function, string name)
        {
            foreach (var node in function.DescendantNodes())
            {
                if ((node is ParameterSyntax parameter && parameter.Identifier.ValueText == name)
                    || (node is VariableDeclaratorSyntax variable && variable.Identifier.ValueText == name)
                    || (node is SingleVariableDesignationSyntax designation && designation.Identifier.ValueText == name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The flag a condition tests and the value that makes it true: <c>f</c>, <c>!f</c>, <c>this.f</c>,
        /// <c>f == true</c>, <c>f != false</c>; with <paramref name="allowConjunction"/> also an operand of <c>&amp;&amp;</c>.
        /// </summary>
        public static FlagGuard? Test(ExpressionSyntax condition, bool allowConjunction)
        {
            switch (condition)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Test(parenthesized.Expression, allowConjunction);
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } negation when Test(negation.Operand, allowConjunction: false) is { } inner:
                    return new FlagGuard(inner.Flag, !inner.Value);
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } conjunction when allowConjunction:
                    return Test(conjunction.Left, allowConjunction) ?? Test(conjunction.Right, allowConjunction);
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison
                    when Name(comparison.Left) is { } compared && comparison.Right is LiteralExpressionSyntax literal
                        && literal.Kind() is SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression:
                    return new FlagGuard(compared, literal.IsKind(SyntaxKind.TrueLiteralExpression) == comparison.IsKind(SyntaxKind.EqualsExpression));
                default:
                    return Name(condition) is { } name ? new FlagGuard(name, true) : null;
            }
        }

        /// <summary><c>f</c> or <c>this.f</c>.</summary>
        public static string? Name(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
            _ => null,
        };

        public bool Equals(FlagGuard? other) => other is not null && other.Flag == this.Flag && other.Value == this.Value;

        public override bool Equals(object? obj) => this.Equals(obj as FlagGuard);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(this.Flag) ^ (this.Value ? 1 : 0);

        private static bool IsFunction(SyntaxNode node) =>
            node is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

        /// <summary>A statement before <paramref name="statement"/> in the block that leaves unless the flag has a value: <c>if (!f) return;</c>.</summary>
        private static FlagGuard? EarlyExitBefore(BlockSyntax block, SyntaxNode statement)
        {
            foreach (var earlier in block.Statements)
            {
                if (earlier == statement)
                {
                    break;
                }

                if (earlier is IfStatementSyntax { Else: null } exit && Leaves(exit.Statement) && Test(exit.Condition, allowConjunction: false) is { } test)
                {
                    return new FlagGuard(test.Flag, !test.Value);
                }
            }

            return null;
        }

        private static bool Leaves(StatementSyntax statement) => statement switch
        {
            ReturnStatementSyntax or ThrowStatementSyntax => true,
            BlockSyntax block => block.Statements.Count > 0 && block.Statements[block.Statements.Count - 1] is ReturnStatementSyntax or ThrowStatementSyntax,
            _ => false,
        };
    }
}
