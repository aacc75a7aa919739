
#include "header.h"

void predict_unit5(union Entry* data, float* result) {
  unsigned int tmp;
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)26.786600113)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.9719998837)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.588100433)) {
          result[0] += 0.01702659;
        } else {
          result[0] += -0.16857217;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4342999458)) {
          result[0] += -0.26817524;
        } else {
          result[0] += -0.054675996;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.4772000313)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.2016999722)) {
          result[0] += 0.040965274;
        } else {
          result[0] += -0.06334622;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.3544000387)) {
          result[0] += -0.18595485;
        } else {
          result[0] += -0.00682023;
        }
      }
    }
  } else {
    result[0] += -0.14743477;
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.4017000198)) {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)31.696699142)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6241999865)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.0503001213)) {
          result[1] += -0.106721886;
        } else {
          result[1] += 0.099642776;
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.4358000755)) {
          result[1] += 0.029177433;
        } else {
          result[1] += -0.14985278;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.253200531)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.2252001762)) {
          result[1] += 0.27363542;
        } else {
          result[1] += 0.09365448;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2964000702)) {
          result[1] += -0.14005175;
        } else {
          result[1] += 0.030407371;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.2150998116)) {
      result[1] += -0.14287478;
    } else {
      result[1] += -0.044970114;
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.9538002014)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)5.0727000237)) {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)31.574300766)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.8691999912)) {
          result[2] += 0.008593101;
        } else {
          result[2] += -0.070806086;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.9317998886)) {
          result[2] += 0.04293944;
        } else {
          result[2] += -0.11524986;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.397300005)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)35.4897995)) {
          result[2] += 0.2128027;
        } else {
          result[2] += 0.06305875;
        }
      } else {
        result[2] += -0.017275393;
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2414000034)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)44.664100647)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)10.266699791)) {
          result[2] += -0.0065774103;
        } else {
          result[2] += 0.07943355;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)42.563598633)) {
          result[2] += 0.1314699;
        } else {
          result[2] += -0.04908426;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)12.622699738)) {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.8887000084)) {
          result[2] += -0.15431046;
        } else {
          result[2] += -0.021982513;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)6.1571002007)) {
          result[2] += 0.13295531;
        } else {
          result[2] += -0.0669693;
        }
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.622898102)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)36.641300201)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.5374999046)) {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.9165000916)) {
          result[3] += -0.0058178985;
        } else {
          result[3] += -0.15528773;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.1205999851)) {
          result[3] += -0.058090553;
        } else {
          result[3] += 0.15602538;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.4066998959)) {
        result[3] += -0.15077189;
      } else {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0237998962)) {
          result[3] += -0.36626458;
        } else {
          result[3] += -0.10424337;
        }
      }
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.655000687)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)35.905799866)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)37.223800659)) {
          result[3] += 0.1863568;
        } else {
          result[3] += 0.018508099;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.9748001099)) {
          result[3] += 0.16943611;
        } else {
          result[3] += 0.011629689;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.071300507)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)38.668701172)) {
          result[3] += -0.016738594;
        } else {
          result[3] += -0.12872627;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.757301331)) {
          result[3] += 0.095553376;
        } else {
          result[3] += 0.0033888351;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.14494245;
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.1185998917)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.2073001862)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.8084000349)) {
          result[4] += -0.038240917;
        } else {
          result[4] += 0.14813268;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2081000805)) {
          result[4] += -0.12373543;
        } else {
          result[4] += 0.013929435;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.285599947)) {
        result[4] += 0.14407472;
      } else {
        result[4] += -0.014743802;
      }
    }
  }
  if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6915001869)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0383000374)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.940199852)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)41.062999725)) {
          result[5] += -0.123166494;
        } else {
          result[5] += 0.061311122;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6897000074)) {
          result[5] += 0.06594403;
        } else {
          result[5] += -0.09168069;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.8085999489)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8034999371)) {
          result[5] += -0.062308446;
        } else {
          result[5] += -0.14825277;
        }
      } else {
        result[5] += 0.04804544;
      }
    }
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2014000416)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)34.013000488)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)29.461399078)) {
          result[5] += 0.03696171;
        } else {
          result[5] += -0.13807647;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8754999638)) {
          result[5] += 0.12030556;
        } else {
          result[5] += -0.0601657;
        }
      }
    } else {
      result[5] += -0.1110828;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2347998619)) {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.4207999706)) {
      if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.2666000128)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7051999569)) {
          result[6] += -0.024362668;
        } else {
          result[6] += -0.14639501;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.2790000439)) {
          result[6] += 0.1663346;
        } else {
          result[6] += -0.11528922;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6375000477)) {
        result[6] += -0.09010434;
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.6135001183)) {
          result[6] += 0.19466245;
        } else {
          result[6] += 0.03060043;
        }
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.9107999802)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)28.567399979)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.9994997978)) {
          result[6] += 0.06864871;
        } else {
          result[6] += -0.10744425;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7244999409)) {
          result[6] += 0.14584844;
        } else {
          result[6] += -0.09026844;
        }
      }
    } else {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.801199913)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9911999702)) {
          result[6] += -0.09143911;
        } else {
          result[6] += 0.09254445;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.1444001198)) {
          result[6] += 0.107725985;
        } else {
          result[6] += -0.090124816;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
    result[7] += 0.14415869;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.9846000671)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.904599905)) {
        result[7] += -0.011930742;
      } else {
        result[7] += -0.14492868;
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)95.888496399)) {
          result[7] += 0.05879208;
        } else {
          result[7] += -0.034933604;
        }
      } else {
        result[7] += -0.14236435;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)42.796199799)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.77809906)) {
        result[8] += 0.036953997;
      } else {
        result[8] += -0.14030099;
      }
    } else {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)35.838600159)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)40.317699432)) {
          result[8] += -0.022118462;
        } else {
          result[8] += 0.17342846;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)47.649299622)) {
          result[8] += -0.116717346;
        } else {
          result[8] += 0.07393122;
        }
      }
    }
  } else {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)46.469100952)) {
      result[8] += -0.14334315;
    } else {
      result[8] += 0.057367858;
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.0391999483)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)37.399200439)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.1574001312)) {
          result[0] += 0.090480894;
        } else {
          result[0] += -0.13319474;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.0494000912)) {
          result[0] += 0.12549426;
        } else {
          result[0] += -0.04102009;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.7376000881)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.171398163)) {
          result[0] += 0.07764421;
        } else {
          result[0] += -0.021956136;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)41.035800934)) {
          result[0] += -0.03383219;
        } else {
          result[0] += 0.025149042;
        }
      }
    }
  } else {
    result[0] += -0.14205709;
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.4338998795)) {
    if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.675498962)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.793998718)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.368999958)) {
          result[1] += 0.029046891;
        } else {
          result[1] += -0.06134823;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3515000343)) {
          result[1] += 0.06086074;
        } else {
          result[1] += -0.14980358;
        }
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)35.827899933)) {
        result[1] += 0.20433964;
      } else {
        result[1] += 0.0012897267;
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3801999092)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.867399931)) {
        result[1] += 0.030826697;
      } else {
        result[1] += 0.14473818;
      }
    } else {
      result[1] += -0.04442699;
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.302000046)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7961001396)) {
      result[2] += -0.14066991;
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3705000877)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4822000265)) {
          result[2] += -0.024725232;
        } else {
          result[2] += 0.018836822;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)43.553901672)) {
          result[2] += -0.15853888;
        } else {
          result[2] += -0.004412124;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4337000847)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0504000187)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.815199852)) {
          result[2] += 0.151255;
        } else {
          result[2] += 0.30758014;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.1101999283)) {
          result[2] += 0.080533125;
        } else {
          result[2] += -0.120921634;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)5.5111999512)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1355999708)) {
          result[2] += -0.11548047;
        } else {
          result[2] += 0.08210201;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)14.274100304)) {
          result[2] += -0.15543862;
        } else {
          result[2] += 0.030309299;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
    result[3] += -0.14255126;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.4749000072)) {
      result[3] += -0.14460236;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4049999714)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.5058999062)) {
          result[3] += -0.08348213;
        } else {
          result[3] += 0.09912342;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2527999878)) {
          result[3] += -0.049435865;
        } else {
          result[3] += 0.018633956;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.14395037;
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.0377001762)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.2073001862)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5978000164)) {
          result[4] += -0.018560488;
        } else {
          result[4] += 0.16825458;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2081000805)) {
          result[4] += -0.11812014;
        } else {
          result[4] += 0.008130228;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2787001133)) {
        result[4] += 0.14239217;
      } else {
        result[4] += -0.009696305;
      }
    }
  }
  if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.630499959)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0383000374)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)38.171798706)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)41.286800385)) {
          result[5] += -0.07503405;
        } else {
          result[5] += 0.18798268;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)38.473300934)) {
          result[5] += -0.12345185;
        } else {
          result[5] += 0.022776872;
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.0886001587)) {
        result[5] += -0.14582834;
      } else {
        result[5] += 0.003438135;
      }
    }
  } else {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.6072001457)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.1514000893)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8547999859)) {
          result[5] += 0.1574864;
        } else {
          result[5] += -0.06339091;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.0580000877)) {
          result[5] += -0.08801036;
        } else {
          result[5] += 0.033241715;
        }
      }
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.8276000023)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.888100028)) {
          result[5] += -0.06715242;
        } else {
          result[5] += 0.11041746;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)43.357601166)) {
          result[5] += -0.14835906;
        } else {
          result[5] += 0.00086970866;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9347999096)) {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.5381999016)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.7357997894)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9209001064)) {
          result[6] += 0.10093009;
        } else {
          result[6] += -0.04663145;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9240000248)) {
          result[6] += -0.15922919;
        } else {
          result[6] += 0.033639625;
        }
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.6098999977)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)27.063199997)) {
          result[6] += 0.043943245;
        } else {
          result[6] += -0.17395988;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9317998886)) {
          result[6] += 0.032790817;
        } else {
          result[6] += 0.12510626;
        }
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7448999882)) {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9140000343)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6723999977)) {
          result[6] += -0.10298739;
        } else {
          result[6] += 0.059637725;
        }
      } else {
        if (!(data[5].missing != -1) || (data[5].fvalue < (float)0.91039997339)) {
          result[6] += 0.065979406;
        } else {
          result[6] += -0.1505184;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.845901489)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.7192000151)) {
          result[6] += 0.038498476;
        } else {
          result[6] += -0.14084859;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.3859000206)) {
          result[6] += -0.14621864;
        } else {
          result[6] += 0.0070292726;
        }
      }
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7130999565)) {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.412700653)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3633000851)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)22.658700943)) {
          result[7] += 0.10440216;
        } else {
          result[7] += -0.07732605;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.474100113)) {
          result[7] += 0.12328683;
        } else {
          result[7] += -0.10465478;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6950000525)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.2127000093)) {
          result[7] += -0.01795687;
        } else {
          result[7] += -0.15480663;
        }
      } else {
        result[7] += 0.036951214;
      }
    }
  } else {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.7249999046)) {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.8347001076)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9835999012)) {
          result[7] += -0.08517138;
        } else {
          result[7] += 0.117849074;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0798997879)) {
          result[7] += -0.068985835;
        } else {
          result[7] += 0.15566383;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.5343999863)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.089099884)) {
          result[7] += -0.034102615;
        } else {
          result[7] += -0.15559947;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.7406001091)) {
          result[7] += 0.12562607;
        } else {
          result[7] += -0.097386785;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.03219986)) {
    result[8] += -0.14137082;
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.588199615)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)34.906299591)) {
          result[8] += 0.18894976;
        } else {
          result[8] += 0.06958515;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.227901459)) {
          result[8] += -0.1379702;
        } else {
          result[8] += 0.097794;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)50.839298248)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.410400033)) {
          result[8] += 0.048743032;
        } else {
          result[8] += -0.100708745;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)46.033798218)) {
          result[8] += -0.097163185;
        } else {
          result[8] += 0.13173655;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)5.1149001122)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.940199852)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1126000881)) {
          result[0] += 0.027082136;
        } else {
          result[0] += -0.114082776;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.8279000521)) {
          result[0] += -0.16659749;
        } else {
          result[0] += -0.039003786;
        }
      }
    } else {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)85.453598022)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.4717999697)) {
          result[0] += 0.0044097574;
        } else {
          result[0] += -0.2381692;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
          result[0] += 0.055573832;
        } else {
          result[0] += -0.043126374;
        }
      }
    }
  } else {
    result[0] += -0.14391361;
  }
  if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.543899536)) {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)37.846401215)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)33.374900818)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)39.847698212)) {
          result[1] += 0.041795764;
        } else {
          result[1] += -0.085451774;
        }
      } else {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)39.854999542)) {
          result[1] += 0.15224278;
        } else {
          result[1] += -0.012476554;
        }
      }
    } else {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)3.2453000546)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.4991002083)) {
          result[1] += -0.15561989;
        } else {
          result[1] += -0.0034429475;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)36.188301086)) {
          result[1] += -0.09417269;
        } else {
          result[1] += 0.14069003;
        }
      }
    }
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0909999609)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3267998695)) {
        result[1] += -0.092568435;
      } else {
        result[1] += -0.015467743;
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)40.296001434)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.700799942)) {
          result[1] += 0.1859059;
        } else {
          result[1] += 0.007918248;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.2006001472)) {
          result[1] += -0.09552238;
        } else {
          result[1] += 0.15786989;
        }
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)12.534099579)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)24.645000458)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)33.562698364)) {
          result[2] += -0.078373514;
        } else {
          result[2] += 0.022237528;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.9854999781)) {
          result[2] += 0.03978048;
        } else {
          result[2] += -0.006829319;
        }
      }
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9974999428)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)42.411899567)) {
          result[2] += 0.19344623;
        } else {
          result[2] += 0.022484856;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4337000847)) {
          result[2] += 0.09851345;
        } else {
          result[2] += -0.048434272;
        }
      }
    }
  } else {
    result[2] += -0.14355953;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.622898102)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.8492999077)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.081799984)) {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.3320000172)) {
          result[3] += 0.023393102;
        } else {
          result[3] += 0.31331587;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9842998981)) {
          result[3] += 0.00021473787;
        } else {
          result[3] += -0.12425308;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)36.641300201)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.4959001541)) {
          result[3] += -0.14423966;
        } else {
          result[3] += 0.057933416;
        }
      } else {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)25.540800095)) {
          result[3] += -0.061104555;
        } else {
          result[3] += -0.21785142;
        }
      }
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.655000687)) {
      if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.1610000134)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7999999523)) {
          result[3] += -0.12869169;
        } else {
          result[3] += 0.08579027;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0473001003)) {
          result[3] += -0.17532782;
        } else {
          result[3] += 0.0025703844;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.071300507)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)38.668701172)) {
          result[3] += -0.016313223;
        } else {
          result[3] += -0.11949807;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.664100647)) {
          result[3] += 0.04443457;
        } else {
          result[3] += -0.014999277;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.14280285;
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.0377001762)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)43.915100098)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.0020999908)) {
          result[4] += -0.11342295;
        } else {
          result[4] += -0.016614728;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.504199982)) {
          result[4] += 0.19105811;
        } else {
          result[4] += -0.03413751;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3705000877)) {
        result[4] += 0.14052552;
      } else {
        result[4] += -0.0021853808;
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.8348999023)) {
    if ( (data[7].missing != -1) && (data[7].fvalue < (float)7.0232100487)) {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.5899999142)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.2725999355)) {
          result[5] += -0.043190423;
        } else {
          result[5] += -0.14437525;
        }
      } else {
        result[5] += 0.040298127;
      }
    } else {
      result[5] += 0.04674118;
    }
  } else {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0027000904)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.084201813)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)34.837001801)) {
          result[5] += -0.004118906;
        } else {
          result[5] += -0.14548877;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)37.706699371)) {
          result[5] += 0.16677213;
        } else {
          result[5] += 0.027860174;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.4916000366)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.9664001465)) {
          result[5] += -0.12791243;
        } else {
          result[5] += 0.023848118;
        }
      } else {
        result[5] += -0.14013839;
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.546200037)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)140.2130127)) {
      result[6] += -0.1426437;
    } else {
      result[6] += -0.0009705885;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.6771001816)) {
      result[6] += -0.14423828;
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2109000683)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.3135999441)) {
          result[6] += 0.0072921086;
        } else {
          result[6] += 0.08496988;
        }
      } else {
        result[6] += -0.1442188;
      }
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8681999445)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2323000431)) {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.258300066)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.630499959)) {
          result[7] += 0.026492154;
        } else {
          result[7] += -0.11515073;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5048999786)) {
          result[7] += -0.14502496;
        } else {
          result[7] += -0.042689428;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.8681999445)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.9388999939)) {
          result[7] += 0.043148786;
        } else {
          result[7] += -0.14382975;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0395998955)) {
          result[7] += -0.034025252;
        } else {
          result[7] += 0.07674651;
        }
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.801500082)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7223000526)) {
        result[7] += -0.057538588;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0504000187)) {
          result[7] += -0.031422313;
        } else {
          result[7] += 0.15207216;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.9166002274)) {
        result[7] += -0.14606975;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.0894999504)) {
          result[7] += 0.12685722;
        } else {
          result[7] += -0.055823687;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.5760002136)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)42.913700104)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.77809906)) {
        result[8] += 0.048950955;
      } else {
        result[8] += -0.13362364;
      }
    } else {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)33.271900177)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2720999718)) {
          result[8] += 0.1387757;
        } else {
          result[8] += -0.08211403;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)48.826400757)) {
          result[8] += -0.061760306;
        } else {
          result[8] += 0.08707942;
        }
      }
    }
  } else {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)47.957698822)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)47.649299622)) {
        result[8] += -0.13901566;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.199401855)) {
          result[8] += 0.13372341;
        } else {
          result[8] += -0.11489785;
        }
      }
    } else {
      result[8] += 0.11017733;
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)0.99239999056)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.4208999872)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7351000309)) {
          result[0] += -0.21063739;
        } else {
          result[0] += 0.020916376;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.5315001011)) {
          result[0] += 0.11502759;
        } else {
          result[0] += -0.052980404;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2923998833)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)104.21820068)) {
          result[0] += -0.005357901;
        } else {
          result[0] += 0.05159192;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)33.874500275)) {
          result[0] += -0.15734074;
        } else {
          result[0] += -0.007868024;
        }
      }
    }
  } else {
    result[0] += -0.1395787;
  }
  if ( (data[10].missing != -1) && (data[10].fvalue < (float)29.736999512)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)33.510601044)) {
      result[1] += -0.026697507;
    } else {
      result[1] += -0.15312788;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)39.300998688)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.368999958)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3544000387)) {
          result[1] += -0.07316788;
        } else {
          result[1] += 0.24277206;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.5195999146)) {
          result[1] += -0.12079083;
        } else {
          result[1] += 0.044554316;
        }
      }
    } else {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.989601135)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)40.275600433)) {
          result[1] += 0.0035873298;
        } else {
          result[1] += -0.10544107;
        }
      } else {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)39.503799438)) {
          result[1] += 0.110085666;
        } else {
          result[1] += -0.01673134;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.35779953)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)4.7456998825)) {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)96.586402893)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3161001205)) {
          result[2] += -0.033322547;
        } else {
          result[2] += -0.121285535;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)40.451301575)) {
          result[2] += 0.08424489;
        } else {
          result[2] += -0.020143976;
        }
      }
    } else {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)103.79679871)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3541998863)) {
          result[2] += 0.1833705;
        } else {
          result[2] += 0.043218248;
        }
      } else {
        result[2] += -0.037166707;
      }
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.877300024)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)46.469100952)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.4839000702)) {
          result[2] += 0.163098;
        } else {
          result[2] += 0.021165298;
        }
      } else {
        result[2] += -0.09537413;
      }
    } else {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.2680001259)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.5745000839)) {
          result[2] += -0.14024201;
        } else {
          result[2] += 0.020550177;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.911201477)) {
          result[2] += 0.054276407;
        } else {
          result[2] += -0.0008895715;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.4749000072)) {
    result[3] += -0.14378552;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7510999441)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)87.205001831)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)39.081100464)) {
          result[3] += 0.1364663;
        } else {
          result[3] += -0.098753594;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8276000023)) {
          result[3] += 0.08164027;
        } else {
          result[3] += -0.19988094;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6069999933)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.0335001945)) {
          result[3] += -0.0070518455;
        } else {
          result[3] += 0.05191652;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5099000931)) {
          result[3] += -0.085461296;
        } else {
          result[3] += 0.0174531;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.14154632;
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0992999077)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.3375999928)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.9718999863)) {
          result[4] += -0.12107662;
        } else {
          result[4] += 0.03780387;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0811998844)) {
          result[4] += 0.121083066;
        } else {
          result[4] += -0.035451617;
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.3974000216)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)9.5645999908)) {
          result[4] += 0.09529587;
        } else {
          result[4] += -0.07237919;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.7651000023)) {
          result[4] += 0.14872575;
        } else {
          result[4] += 0.0409632;
        }
      }
    }
  }
  if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7871999741)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.2389998436)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)41.286800385)) {
          result[5] += -0.077230036;
        } else {
          result[5] += 0.049207065;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.700901031)) {
          result[5] += -0.11996655;
        } else {
          result[5] += 0.04960343;
        }
      }
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.5917000771)) {
        result[5] += -0.00033573888;
      } else {
        result[5] += -0.14446248;
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)8.8500995636)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.5896000862)) {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.2546999454)) {
          result[5] += 0.1091996;
        } else {
          result[5] += -0.06621985;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7460000515)) {
          result[5] += -0.023668375;
        } else {
          result[5] += 0.14578591;
        }
      }
    } else {
      result[5] += -0.08825723;
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.935199976)) {
    if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.8919999599)) {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.8691999912)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.9159002304)) {
          result[6] += 0.0008452561;
        } else {
          result[6] += -0.13871284;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)33.843700409)) {
          result[6] += 0.09022406;
        } else {
          result[6] += -0.055116754;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6646000147)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)97.049209595)) {
          result[6] += -0.1361077;
        } else {
          result[6] += 0.00096632435;
        }
      } else {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)29.71680069)) {
          result[6] += 0.0327776;
        } else {
          result[6] += -0.081310764;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.2217001915)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)89.665603638)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8617999554)) {
          result[6] += -0.02161173;
        } else {
          result[6] += -0.22051293;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1922001839)) {
          result[6] += 0.10401543;
        } else {
          result[6] += -0.10403428;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)9.181599617)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.3864002228)) {
          result[6] += 0.13366206;
        } else {
          result[6] += -0.07938816;
        }
      } else {
        result[6] += -0.10794494;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.96319997311)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2732000351)) {
      result[7] += 0.14072299;
    } else {
      result[7] += -0.0120348;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4963999987)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)85.278297424)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2290999889)) {
          result[7] += -0.09128129;
        } else {
          result[7] += 0.0937737;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5243999958)) {
          result[7] += -0.148708;
        } else {
          result[7] += -0.008546911;
        }
      }
    } else {
      if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.2572000027)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)40.296001434)) {
          result[7] += 0.027153347;
        } else {
          result[7] += -0.1076056;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.7281000614)) {
          result[7] += -0.13931039;
        } else {
          result[7] += 0.0067453277;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.03219986)) {
    result[8] += -0.13850942;
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)35.838600159)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)34.059898376)) {
          result[8] += 0.16553064;
        } else {
          result[8] += -0.061112914;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.227901459)) {
          result[8] += -0.13604185;
        } else {
          result[8] += 0.09579033;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.664199829)) {
          result[8] += -0.14075689;
        } else {
          result[8] += -0.031668372;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)47.649299622)) {
          result[8] += -0.121138945;
        } else {
          result[8] += 0.13301988;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.976600647)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.42440033)) {
          result[0] += -0.10271746;
        } else {
          result[0] += 0.07319913;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0683000088)) {
          result[0] += 0.021926727;
        } else {
          result[0] += -0.034562703;
        }
      }
    } else {
      result[0] += -0.1371603;
    }
  } else {
    result[0] += -0.13917017;
  }
  if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.270900726)) {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.20759964)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.8008999825)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.3782000542)) {
          result[1] += 0.16386873;
        } else {
          result[1] += -0.05421533;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5221999884)) {
          result[1] += 0.19900216;
        } else {
          result[1] += 0.034138035;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.638299942)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.5627999306)) {
          result[1] += -0.10433588;
        } else {
          result[1] += 0.109341465;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.4809000492)) {
          result[1] += -0.13185889;
        } else {
          result[1] += 0.059665944;
        }
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)38.043300629)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.030899048)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)94.679199219)) {
          result[1] += 0.05959947;
        } else {
          result[1] += 0.19394353;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.9317998886)) {
          result[1] += -0.10526277;
        } else {
          result[1] += 0.097778;
        }
      }
    } else {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)37.543899536)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3639999628)) {
          result[1] += 0.1648825;
        } else {
          result[1] += -0.10713058;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.6168999672)) {
          result[1] += -0.039357923;
        } else {
          result[1] += 0.13496196;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.624799728)) {
    if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.1877000332)) {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.8324999809)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9676001072)) {
          result[2] += 0.0050911987;
        } else {
          result[2] += -0.15078175;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.5627999306)) {
          result[2] += 0.015933638;
        } else {
          result[2] += -0.04290121;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6646000147)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.1149001122)) {
          result[2] += -0.037655696;
        } else {
          result[2] += -0.18178354;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.3373999596)) {
          result[2] += -0.09094937;
        } else {
          result[2] += 0.09235646;
        }
      }
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.1826999187)) {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)3.070800066)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)37.7602005)) {
          result[2] += -0.106965564;
        } else {
          result[2] += 0.14660661;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)11.164099693)) {
          result[2] += -0.11684682;
        } else {
          result[2] += 0.11625447;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)4.0198001862)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.704199791)) {
          result[2] += 0.13941826;
        } else {
          result[2] += -0.050692383;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)12.622699738)) {
          result[2] += -0.051341824;
        } else {
          result[2] += 0.055057466;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0794999599)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      result[3] += -0.14515461;
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.8000001907)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5037000179)) {
          result[3] += 0.0058261;
        } else {
          result[3] += -0.120421626;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8928999901)) {
          result[3] += 0.10822675;
        } else {
          result[3] += -0.11481787;
        }
      }
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)42.141399384)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.697799683)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)34.535999298)) {
          result[3] += -0.05494546;
        } else {
          result[3] += 0.028936679;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5367000103)) {
          result[3] += 0.018469645;
        } else {
          result[3] += -0.07951237;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.3889000416)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1826999187)) {
          result[3] += -0.059827574;
        } else {
          result[3] += 0.1326626;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)5.6370000839)) {
          result[3] += 0.30620107;
        } else {
          result[3] += 0.041167066;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.14013018;
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0992999077)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.3375999928)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.8780999184)) {
          result[4] += -0.11625488;
        } else {
          result[4] += 0.038124397;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.4222002029)) {
          result[4] += 0.115898274;
        } else {
          result[4] += -0.026672779;
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5305999517)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)10.252799988)) {
          result[4] += 0.11120153;
        } else {
          result[4] += -0.0722079;
        }
      } else {
        result[4] += 0.15038274;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5004999638)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.1352000237)) {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9746000767)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.1233999729)) {
          result[5] += 0.1189318;
        } else {
          result[5] += -0.082828484;
        }
      } else {
        result[5] += -0.10186029;
      }
    } else {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7871000767)) {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9251000881)) {
          result[5] += 0.08198308;
        } else {
          result[5] += -0.07387307;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3304998875)) {
          result[5] += -0.04476039;
        } else {
          result[5] += -0.14638454;
        }
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.249599457)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.063699722)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.436798096)) {
          result[5] += -0.088604346;
        } else {
          result[5] += 0.15718275;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)32.948810577)) {
          result[5] += -0.14599;
        } else {
          result[5] += 0.029657828;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)39.854999542)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)42.954299927)) {
          result[5] += 0.002773922;
        } else {
          result[5] += 0.17356059;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.7708997726)) {
          result[5] += -0.0455924;
        } else {
          result[5] += 0.087375596;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2625999451)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.4207999706)) {
      if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.2666000128)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7051999569)) {
          result[6] += -0.005167936;
        } else {
          result[6] += -0.14612709;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.2790000439)) {
          result[6] += 0.15393338;
        } else {
          result[6] += -0.090687715;
        }
      }
    } else {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.6676001549)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.1149001122)) {
          result[6] += 0.010107016;
        } else {
          result[6] += 0.17658064;
        }
      } else {
        result[6] += -0.092744395;
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.6771001816)) {
      result[6] += -0.14036927;
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2109000683)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.6036999226)) {
          result[6] += -0.058181632;
        } else {
          result[6] += 0.046022043;
        }
      } else {
        result[6] += -0.13894932;
      }
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8681999445)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.1778001785)) {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1912999153)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9966000319)) {
          result[7] += -0.0988956;
        } else {
          result[7] += 0.10315473;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0434999466)) {
          result[7] += -0.0001658331;
        } else {
          result[7] += -0.113817714;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.341598511)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.3618001938)) {
          result[7] += -0.12385841;
        } else {
          result[7] += 0.12836836;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5559000969)) {
          result[7] += -0.084102154;
        } else {
          result[7] += 0.03151165;
        }
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.7239000797)) {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.3732000589)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.285599947)) {
          result[7] += -0.052903518;
        } else {
          result[7] += 0.11371209;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.1451001167)) {
          result[7] += 0.22092009;
        } else {
          result[7] += 0.022273308;
        }
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.1872000694)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2572000027)) {
          result[7] += 0.11263254;
        } else {
          result[7] += -0.11149982;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)85.970703125)) {
          result[7] += 0.092906594;
        } else {
          result[7] += -0.10668018;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.065199852)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.4475998878)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)40.03219986)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.227901459)) {
          result[8] += -0.07629354;
        } else {
          result[8] += 0.1141378;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.710098267)) {
          result[8] += 0.20597427;
        } else {
          result[8] += 0.0067876447;
        }
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.299999237)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)50.659301758)) {
          result[8] += -0.082307294;
        } else {
          result[8] += 0.07629404;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.360500336)) {
          result[8] += 0.13500078;
        } else {
          result[8] += -0.032057777;
        }
      }
    }
  } else {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)47.957698822)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.793998718)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)42.177600861)) {
          result[8] += -0.14296179;
        } else {
          result[8] += -0.0665007;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.58190155)) {
          result[8] += 0.11764541;
        } else {
          result[8] += -0.09930019;
        }
      }
    } else {
      result[8] += 0.12418475;
    }
  }
}

