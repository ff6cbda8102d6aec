// Every chart of the example, part 1 of 2 (see exampleChartSuite.ts).
import { exampleChartSuite } from "./exampleChartSuite.ts";

exampleChartSuite(0, 2);
