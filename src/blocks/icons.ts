// Pictogram icon outlines, each in a 20 × 20 cell; holes (doors, windows) wind the other way.
export const ICONS = {
  person: 'M7 4.5a3 3 0 1 0 6 0a3 3 0 1 0 -6 0Z M5 19V12.5a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4V19Z',
  house: 'M2 10.5L10 3l8 7.5h-2.5V18.5h-11V10.5Z M8.5 18.5H11.5V14H8.5Z',
  school: 'M3 18.5V9.5L10 5l7 4.5v9Z M8.5 18.5H11.5V14.5H8.5Z M9.6 5.2V1h4.4v2.4H10.4V5.2Z',
  building:
    'M4 18.5V2.5H16V18.5Z M6.5 5V7H9V5Z M11 5V7H13.5V5Z M6.5 9V11H9V9Z M11 9V11H13.5V9Z M6.5 13V15H9V13Z M11 13V15H13.5V13Z',
  dot: 'M3 10a7 7 0 1 0 14 0a7 7 0 1 0 -14 0Z',
} as const;

export type IconName = keyof typeof ICONS;
export const ICON_NAMES = Object.keys(ICONS) as [IconName, ...IconName[]];
export const CELL = 20;
