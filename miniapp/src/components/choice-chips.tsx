import { Text, View } from '@tarojs/components';
import './choice-chips.css';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** Shown as chosen and not changeable (the worker checking in is always among those who came). */
  locked?: boolean;
}

/** A chip for each code of a label map, in the map's order. */
export function choicesOf<T extends string>(names: Record<T, string>): Choice<T>[] {
  return (Object.keys(names) as T[]).map((value) => ({ value, label: names[value] }));
}

interface ChoiceChipsProps<T extends string> {
  /** Each chip gets the id `<idPrefix>-<value>` (a stable hook for browser tests). */
  idPrefix: string;
  choices: readonly Choice<T>[];
  selected: readonly T[];
  onToggle: (value: T) => void;
}

/**
 * Large tappable chips for one-of and any-of choices: the same look on WeChat and H5, easy for older hands, and
 * the chosen state is said by a check mark as well as by colour.
 */
export function ChoiceChips<T extends string>({ idPrefix, choices, selected, onToggle }: ChoiceChipsProps<T>) {
  return (
    <View className='chips'>
      {choices.map((choice) => {
        const on = choice.locked || selected.includes(choice.value);
        return (
          <View
            key={choice.value}
            id={`${idPrefix}-${choice.value}`}
            className={`chip${on ? ' chip--on' : ''}${choice.locked ? ' chip--locked' : ''}`}
            onClick={choice.locked ? undefined : () => onToggle(choice.value)}
          >
            <Text>{on ? `✓ ${choice.label}` : choice.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
