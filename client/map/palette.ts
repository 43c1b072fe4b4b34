// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
export const OKABE_ITO = {
  orange: 0xe69f00,
  sky: 0x56b4e9,
  green: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  purple: 0xcc79a7,
  black: 0x000000,
} as const;

export const CONTROLLER_COLOUR: Record<string, number> = {
  armenia: OKABE_ITO.orange,
  azerbaijan: OKABE_ITO.blue,
  karabakh: OKABE_ITO.purple,
  georgia: 0xd9d9d9,
  iran: 0xcfcfcf,
  turkey: 0xc4c4c4,
};

export const MARKER = {
  peacekeepers: OKABE_ITO.green,
  monitors: OKABE_ITO.yellow,
  displaced: OKABE_ITO.vermillion,
  escalation: OKABE_ITO.vermillion,
};
