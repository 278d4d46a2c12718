import { disaggregate } from "@peacelearn/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { participantsByGenderAndAge } from "../test/fixtures";
import { DisaggregationChart } from "./disaggregation-chart";
import { ActivityTypeTag, MarkerBadge } from "./domain-tags";
import { CountryName, RegionBadge } from "./location";

const meta = { title: "Field-specific" } satisfies Meta;
export default meta;
type Story = StoryObj;

export const PopulationPyramid: Story = {
  render: () => (
    <DisaggregationChart
      title="Participants by gender and age, 2026"
      data={participantsByGenderAndAge()}
    />
  ),
};

export const PyramidWithTableToggle: Story = {
  render: () => (
    <DisaggregationChart
      title="Participants by gender and age (table hidden)"
      data={participantsByGenderAndAge()}
      tableToggle
      defaultTableVisible={false}
    />
  ),
};

export const PyramidFrenchThreshold10: Story = {
  render: () => (
    <DisaggregationChart
      locale="fr"
      title="Participantes et participants, seuil 10"
      data={disaggregate(
        [
          ...Array.from({ length: 25 }, () => ({ gender: "woman" as const, birthYear: 1990 })),
          ...Array.from({ length: 14 }, () => ({ gender: "man" as const, birthYear: 1960 })),
          ...Array.from({ length: 3 }, () => ({ gender: "man" as const, birthYear: 2012 })),
        ],
        { by: ["gender", "ageBand"], minCellSize: 10, age: { scheme: "sendai", asOf: 2026 } },
      )}
    />
  ),
};

export const Locations: Story = {
  render: () => (
    <ul className="flex flex-col gap-2">
      <li>
        <CountryName code="GN" showFlag /> <RegionBadge location="GN" />
      </li>
      <li>
        <CountryName code="GE" showFlag /> <RegionBadge location="GE" />
      </li>
      <li>
        <CountryName code="GE-AB" showFlag /> <RegionBadge location="GE-AB" />
      </li>
      <li>
        <CountryName code="GE-AB" audience="un" />
      </li>
      <li>
        <CountryName code="GE-AB" audience="georgian-official" locale="fr" />
      </li>
      <li>
        <CountryName code="CD" locale="fr" showFlag />{" "}
        <RegionBadge region="great-lakes" locale="fr" />
      </li>
    </ul>
  ),
};

export const ActivityTypes: Story = {
  render: () => (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <ActivityTypeTag type="accompaniment" />
        <ActivityTypeTag type="advocacy-bridging" />
        <ActivityTypeTag type="research-with-partners" locale="fr" />
      </div>
      <ActivityTypeTag type="capacity-building-training" showDescription />
    </div>
  ),
};

export const Markers: Story = {
  render: () => (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <MarkerBadge marker="dac-gender" code={0} />
        <MarkerBadge marker="dac-gender" code={1} />
        <MarkerBadge marker="dac-gender" code={2} />
      </div>
      <div className="flex flex-wrap gap-2">
        {([0, 1, 2, 3, 4] as const).map((code) => (
          <MarkerBadge key={code} marker="iasc-gam" code={code} />
        ))}
      </div>
      <MarkerBadge marker="dac-gender" code={2} showDefinition locale="fr" />
    </div>
  ),
};
