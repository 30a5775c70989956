using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>An AnalysisContext that records what an analyzer's Initialize configures, without running anything.</summary>
    internal sealed class RecordingAnalysisContext : AnalysisContext
    {
        public bool ConcurrentExecutionEnabled { get; private set; }

        public GeneratedCodeAnalysisFlags? GeneratedCodeFlags { get; private set; }

        public int Registrations { get; private set; }

        public override void EnableConcurrentExecution() => this.ConcurrentExecutionEnabled = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => this.GeneratedCodeFlags = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => this.Registrations++;

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => this.Registrations++;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => this.Registrations++;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => this.Registrations++;

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => this.Registrations++;

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => this.Registrations++;

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => this.Registrations++;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => this.Registrations++;

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => this.Registrations++;

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => this.Registrations++;

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => this.Registrations++;

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => this.Registrations++;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => this.Registrations++;
    }
}
