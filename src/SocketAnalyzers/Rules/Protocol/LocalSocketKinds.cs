using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// The socket kind of each local of a method, when every value ever stored in it has the same known kind.
    /// A local written through <c>ref</c>/<c>out</c>, or from anything but a Socket constructor or another such
    /// local, has no known kind.
    /// </summary>
    internal sealed class LocalSocketKinds
    {
        private const int MaxAliasDepth = 8;

        private readonly Dictionary<ILocalSymbol, List<IOperation>> definitions = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> unknown = new(SymbolEqualityComparer.Default);
        private readonly KnownSocketSymbols symbols;

        private LocalSocketKinds(KnownSocketSymbols symbols) => this.symbols = symbols;

        public static LocalSocketKinds Collect(System.Collections.Immutable.ImmutableArray<IOperation> blocks, KnownSocketSymbols symbols)
        {
            var result = new LocalSocketKinds(symbols);
            foreach (var block in blocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                            result.Add(declarator.Symbol, initializer.Value);
                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                            result.Add(target.Local, assignment.Value);
                            break;
                        case IDeconstructionAssignmentOperation deconstruction:
                            foreach (var local in deconstruction.Target.DescendantsAndSelf())
                            {
                                if (local is ILocalReferenceOperation reference)
                                {
                                    result.unknown.Add(reference.Local);
                                }
                            }

                            break;
                        case IArgumentOperation { Value: ILocalReferenceOperation byRef, Parameter.RefKind: not RefKind.None and not RefKind.In }:
                            result.unknown.Add(byRef.Local);
                            break;
                        case ICompoundAssignmentOperation { Target: ILocalReferenceOperation compound }:
                            result.unknown.Add(compound.Local);
                            break;
                        case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation coalesce } coalesceAssignment:
                            result.Add(coalesce.Local, coalesceAssignment.Value);
                            break;
                    }
                }
            }

            return result;
        }

        /// <summary>The kind every definition of <paramref name="local"/> agrees on, with the constructions it comes from.</summary>
        public bool TryGetKind(ILocalSymbol local, out SocketKind kind, out List<IOperation> creations)
        {
            creations = new List<IOperation>();
            return this.TryGetKind(local, 0, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), creations, out kind)
                && kind.Transport != SocketTransport.Unknown;
        }

        private bool TryGetKind(ILocalSymbol local, int depth, HashSet<ILocalSymbol> visiting, List<IOperation> creations, out SocketKind kind)
        {
            kind = SocketKind.Unknown;
            if (depth > MaxAliasDepth || this.unknown.Contains(local) || !visiting.Add(local)
                || !this.definitions.TryGetValue(local, out var values))
            {
                return false;
            }

            var first = true;
            foreach (var value in values)
            {
                if (!this.TryGetValueKind(value, depth, visiting, creations, out var valueKind))
                {
                    return false;
                }

                kind = first ? valueKind : kind.Join(valueKind);
                first = false;
            }

            return !first;
        }

        private bool TryGetValueKind(IOperation value, int depth, HashSet<ILocalSymbol> visiting, List<IOperation> creations, out SocketKind kind)
        {
            kind = SocketKind.Unknown;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            switch (value)
            {
                case ILocalReferenceOperation alias:
                    return this.TryGetKind(alias.Local, depth + 1, visiting, creations, out kind);
                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, this.symbols.Socket):
                    kind = KindOf(creation, this.symbols);
                    creations.Add(creation);
                    return true;
                default:
                    return false;
            }
        }

        private static SocketKind KindOf(IObjectCreationOperation creation, KnownSocketSymbols symbols) => creation.Arguments.Length switch
        {
            // Socket(AddressFamily, SocketType, ProtocolType)
            3 => SocketConstructorRules.KindOf(SocketArguments.ConstantOrNull(creation, 0), Typed(creation, 1, symbols)),
            // Socket(SocketType, ProtocolType): a dual-mode IPv6 socket.
            2 => SocketConstructorRules.KindOf(SocketConstructorRules.FamilyInterNetworkV6, Typed(creation, 0, symbols)),
            _ => SocketKind.Unknown,
        };

        private static int? Typed(IObjectCreationOperation creation, int ordinal, KnownSocketSymbols symbols) =>
            SocketArguments.TryGetConstant(creation, ordinal, symbols.SocketType, out var value) ? value : null;

        private void Add(ILocalSymbol local, IOperation value)
        {
            if (!this.definitions.TryGetValue(local, out var list))
            {
                this.definitions[local] = list = new List<IOperation>();
            }

            list.Add(value);
        }
    }
}
