// Every chart of the example, part 2 of 2 (see exampleChartSuite.ts).
import { exampleChartSuite } from "./exampleChartSuite.ts";

exampleChartSuite(1, 2);
