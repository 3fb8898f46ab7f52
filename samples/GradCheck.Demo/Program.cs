System.Console.WriteLine("GradCheck demo");
