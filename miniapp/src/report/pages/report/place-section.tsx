import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type PublicRegion } from '../../../api';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormSection } from '../../../components/form-section';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { backTo, nextPlacePrompt, parentOfNext, pickPlace, villageIdOf, type PlacePath } from '../../../lib/place-path';
import { api } from '../../../services/api';

interface PlaceSectionProps {
  path: PlacePath;
  error?: string;
  /** The user picked or went back. */
  onPick: (path: PlacePath) => void;
  /** The only place of its level was taken for the user: not yet something they typed. */
  onAutoPick: (path: PlacePath) => void;
}

/** The places of the next level, and the only one taken at once (a city has one district to offer, …). */
function usePlaceOptions(path: PlacePath, onAutoPick: (path: PlacePath) => void) {
  const done = villageIdOf(path) !== null;
  const parentId = parentOfNext(path);
  const [options, setOptions] = useState<PublicRegion[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (done) return undefined;
    let current = true;
    setOptions(null);
    setFailure(null);
    api.publicRegions(parentId).then(
      (items) => {
        if (!current) return;
        if (items.length === 1) onAutoPick(pickPlace(path, items[0]));
        else setOptions(items);
      },
      (e: unknown) => current && setFailure(asApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [done, parentId, attempt]);

  return { done, options, failure, retry: () => setAttempt((n) => n + 1) };
}

/** 在哪里: 市 → 区 → 镇（街道）→ 村（社区）, a level at a time; a tap on a name above picks that level again. */
export function PlaceSection({ path, error, onPick, onAutoPick }: PlaceSectionProps) {
  const { done, options, failure, retry } = usePlaceOptions(path, onAutoPick);
  return (
    <FormSection title='孩子在哪里' error={error} id='place'>
      {path.length > 0 ? (
        <View className='place-path' id='place-path'>
          {path.map((place, depth) => (
            <Text key={place.id} className={`place-path__name${depth === path.length - 1 ? ' place-path__name--last' : ''}`} onClick={() => onPick(backTo(path, depth))}>
              {depth > 0 ? ' › ' : ''}
              {place.name}
            </Text>
          ))}
        </View>
      ) : null}
      {done ? (
        <Text className='form-hint'>选错了？点上面的地名重新选择</Text>
      ) : (
        <View>
          <Text className='place-prompt'>{nextPlacePrompt(path)}</Text>
          {failure ? (
            <View>
              <ErrorNotice error={failure} />
              <Text className='link' id='place-retry' onClick={retry}>
                重新加载
              </Text>
            </View>
          ) : null}
          {options === null && !failure ? <LoadingState /> : null}
          {options ? (
            <ChoiceChips
              idPrefix='place'
              choices={options.map((place) => ({ value: place.id, label: place.name }))}
              selected={[]}
              onToggle={(id) => onPick(pickPlace(path, options.find((place) => place.id === id)!))}
            />
          ) : null}
        </View>
      )}
    </FormSection>
  );
}
