using System;
using System.Collections.Generic;
using System.Linq;
using SocketAnalyzers.Scale.Labels;

namespace SocketAnalyzers.Scale.Tests
{
    public sealed class LabelScoringTests
    {
        private static readonly LabelCategories Categories = LabelCategories.Load();

        private static readonly Label LeakBug = Bug("a/Server.cs", 10, 12, "leak", "SOCK203");
        private static readonly Label LeakTrap = Trap("a/Server.cs", 20, 20, "leak", "SOCK201");
        private static readonly Label CountBug = Bug("a/Server.cs", 30, 30, "receive-count", "SOCK401");
        private static readonly Label BlockingBug = Bug("b/Relay.cs", 7, 7, "blocking-in-async", "SOCK301");
        private static readonly Label WaitBug = Bug("b/Relay.cs", 9, 9, "sync-over-async", "SOCK302");

        private static readonly IReadOnlyList<Label> Labels = new[] { LeakBug, LeakTrap, CountBug, BlockingBug, WaitBug };

        [Fact]
        public void BugLabel_IsFoundOnce_WhateverTheNumberOfFindingsOnItsLines()
        {
            var score = Leak("T", Finding("T", "CA2000", "a/Server.cs", 10), Finding("T", "CA2000", "a/Server.cs", 12));

            Assert.Equal(new[] { LeakBug }, score.Found);
            Assert.Empty(score.Missed);
            Assert.Empty(score.OnTraps);
            Assert.Empty(score.Unlabelled);
            Assert.Equal(("100%", "100%"), (score.Precision, score.Recall));
        }

        [Fact]
        public void FindingOnTheLineBeforeOrAfterTheLabel_IsUnlabelled_AndTheLabelMissed()
        {
            var before = Finding("T", "CA2000", "a/Server.cs", 9);
            var after = Finding("T", "CA2000", "a/Server.cs", 13);
            var otherFile = Finding("T", "CA2000", "a/Client.cs", 10);

            var score = Leak("T", before, after, otherFile);

            Assert.Empty(score.Found);
            Assert.Equal(new[] { LeakBug }, score.Missed);
            Assert.Equal(new[] { before, after, otherFile }, score.Unlabelled);
            Assert.Equal(("–", "0%", "0%"), (score.Precision, score.Recall, score.WorstPrecision));
        }

        [Fact]
        public void FindingOnATrap_IsAFalsePositive_NamedWithTheTrap()
        {
            var onTrap = Finding("T", "IDISP001", "a/Server.cs", 20);

            var score = Leak("T", Finding("T", "IDISP004", "a/Server.cs", 11), onTrap);

            Assert.Equal(new[] { (onTrap, LeakTrap) }, score.OnTraps);
            Assert.Equal((1, 1, 0), (score.TruePositives, score.FalsePositives, score.Misses));
            Assert.Equal(("50%", "100%"), (score.Precision, score.Recall));
        }

        [Fact]
        public void FindingOfARuleThatDoesNotCountForTheCategory_DoesNotMatchItsLabel()
        {
            // CA2000 counts for leaks only: on a receive-count label it finds nothing and is an unlabelled leak finding.
            var misplaced = Finding("T", "CA2000", "a/Server.cs", 30);

            var scores = Score("T", new[] { "CA2000", "CA2022" }, misplaced);

            var leak = scores.Single(s => s.Category == "leak");
            var count = scores.Single(s => s.Category == "receive-count");
            Assert.Equal(new[] { misplaced }, leak.Unlabelled);
            Assert.Equal(new[] { CountBug }, count.Missed);
            Assert.Empty(count.Unlabelled);
        }

        [Fact]
        public void ToolIsScoredOnlyOnTheCategoriesItsRulesCountFor()
        {
            var scores = Score("T", new[] { "VSTHRD002", "VSTHRD103" });

            Assert.Equal(new[] { "blocking-in-async", "sync-over-async" }, scores.Select(s => s.Category));
            Assert.Equal(new[] { "VSTHRD103" }, scores[0].Rules);
            Assert.Equal(new[] { "VSTHRD002" }, scores[1].Rules);
        }

        [Fact]
        public void RuleCountingForTwoCategories_OnALabelOfOne_IsNotUnlabelledInTheOther()
        {
            var onBlocking = Finding("T", "AsyncFixer02", "b/Relay.cs", 7);
            var nowhere = Finding("T", "AsyncFixer02", "b/Relay.cs", 30);

            var scores = Score("T", new[] { "AsyncFixer02" }, onBlocking, nowhere);

            var blocking = scores.Single(s => s.Category == "blocking-in-async");
            var wait = scores.Single(s => s.Category == "sync-over-async");
            Assert.Equal(new[] { BlockingBug }, blocking.Found);
            Assert.Equal(new[] { WaitBug }, wait.Missed);
            Assert.Equal(new[] { nowhere }, blocking.Unlabelled);
            Assert.Equal(new[] { nowhere }, wait.Unlabelled);
        }

        [Fact]
        public void FindingsOfAnotherTool_AreNotCounted()
        {
            var score = Leak("T", Finding("U", "CA2000", "a/Server.cs", 10));

            Assert.Equal(new[] { LeakBug }, score.Missed);
            Assert.Empty(score.Unlabelled);
        }

        [Fact]
        public void OurRules_AddUpToTheCategory_AndSayWhereTheirFindingsFall()
        {
            // The SOCK203 label is found by SOCK201 (any of our leak rules finds a leak label); SOCK201 also hits the trap.
            var findings = new[]
            {
                Finding("Ours", "SOCK201", "a/Server.cs", 11),
                Finding("Ours", "SOCK201", "a/Server.cs", 20),
                Finding("Ours", "SOCK202", "a/Server.cs", 50),
                Finding("Ours", "SOCK401", "a/Server.cs", 30),
            };
            var ours = LabelScoring.Score("Ours", findings, new HashSet<string>(Categories.AllRules().Where(r => r.StartsWith("SOCK", StringComparison.Ordinal))), Labels, Categories);

            var rows = RuleScore.Compute(ours, findings, Labels, Categories);

            Assert.Equal(
                new[]
                {
                    new RuleScore("SOCK201", "leak", 0, 0, 2, 1, 1, 0),
                    new RuleScore("SOCK202", "leak", 0, 0, 1, 0, 0, 1),
                    new RuleScore("SOCK203", "leak", 1, 1, 0, 0, 0, 0),
                    new RuleScore("SOCK401", "receive-count", 1, 1, 1, 1, 0, 0),
                    new RuleScore("SOCK301", "blocking-in-async", 1, 0, 0, 0, 0, 0),
                    new RuleScore("SOCK302", "sync-over-async", 1, 0, 0, 0, 0, 0),
                },
                rows);
            Assert.Equal((1, 1, 1), (ours[0].TruePositives, ours[0].FalsePositives, ours[0].Unlabelled.Count));
        }

        private static CategoryScore Leak(string tool, params Finding[] findings) =>
            Score(tool, new[] { "CA2000", "IDISP001", "IDISP004" }, findings).Single();

        private static List<CategoryScore> Score(string tool, string[] ranRules, params Finding[] findings) =>
            LabelScoring.Score(tool, findings, new HashSet<string>(ranRules, StringComparer.Ordinal), Labels, Categories);

        private static Finding Finding(string tool, string rule, string file, int line) => new(tool, rule, file, line, 5, rule + " at " + line);

        private static Label Bug(string file, int first, int last, string category, string rule) => new(file, first, last, true, category, rule, "a bug", "t.tsv:1");

        private static Label Trap(string file, int first, int last, string category, string rule) => new(file, first, last, false, category, rule, "a trap", "t.tsv:2");
    }
}
